-- Deliveries end: a pending one older than etax.declaration.webhooks.max-age fails (a receiver gone for good kept its
-- deliveries pending for ever, each pause moving them all), and an ended one (delivered, failed, cancelled) is
-- removed after etax.declaration.webhooks.retention with the notice it carried (every notice was kept, a copy per
-- webhook, its taxpayer's data with it). These indexes find the ended ones and the pending ones by age.
CREATE INDEX webhook_delivery_ended ON webhook_delivery (created_at) WHERE status <> 'PENDING';
CREATE INDEX webhook_delivery_pending_since ON webhook_delivery (created_at) WHERE status = 'PENDING';
