-- A webhook whose receiver is down backs off as a whole: each failure to get an answer (no connection, no answer in
-- time, 5xx, 408, 429) pauses it for twice as long as the one before, from the first retry's delay up to the longest,
-- and moves its pending deliveries to the pause's end, out of the other webhooks' way; its first answer resumes it.
ALTER TABLE webhook ADD COLUMN failures integer NOT NULL DEFAULT 0;
ALTER TABLE webhook ADD COLUMN paused_until timestamptz;

-- A webhook's pending deliveries, to move when it pauses without reading its delivered ones.
CREATE INDEX webhook_delivery_pending ON webhook_delivery (webhook_id, next_attempt_at) WHERE status = 'PENDING';
