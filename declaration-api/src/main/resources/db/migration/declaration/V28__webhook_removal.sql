-- A filer removes a webhook it no longer wants, and replaces a webhook's secret. A removed webhook is kept with its
-- deliveries (the history stays readable); it receives nothing more, its pending deliveries are cancelled, and its URL
-- may be registered again, as a new webhook.
ALTER TABLE webhook ADD COLUMN removed_at timestamptz;
ALTER TABLE webhook DROP CONSTRAINT webhook_filer_url_key;
CREATE UNIQUE INDEX webhook_filer_url ON webhook (filer, url) WHERE removed_at IS NULL;

ALTER TABLE webhook_delivery DROP CONSTRAINT webhook_delivery_status_check;
ALTER TABLE webhook_delivery ADD CONSTRAINT webhook_delivery_status_check
    CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'));
