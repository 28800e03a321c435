-- Notices the other services publish on etax.notices.v1 (a batch's completion, a month's arrears) go to the filers'
-- webhooks too. A webhook a taxpayer registered for itself names its MST, so a notice about the taxpayer finds it;
-- one registered by an agent or a T-VAN names none. A delivery names the notice's type and event id, once per
-- webhook and event, and a return only when the notice is about one.
ALTER TABLE webhook ADD COLUMN taxpayer_mst text;
CREATE INDEX webhook_taxpayer ON webhook (taxpayer_mst) WHERE taxpayer_mst IS NOT NULL;

ALTER TABLE webhook_delivery
    ALTER COLUMN return_id DROP NOT NULL,
    ADD COLUMN notice_type text NOT NULL DEFAULT 'AcceptanceNotice',
    ADD COLUMN event_id uuid;
CREATE UNIQUE INDEX webhook_delivery_event ON webhook_delivery (webhook_id, event_id);
