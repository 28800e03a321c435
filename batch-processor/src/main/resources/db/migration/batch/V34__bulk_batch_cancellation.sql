-- Bulk filing (docs/adr/0013-bulk-filing.md): a filer cancels a batch it no longer wants filed. Its items
-- still PENDING become CANCELLED (never filed, counted in bulk_batch.cancelled); the batch becomes
-- CANCELLED when its job has nothing left to file. An item being filed at that moment keeps the outcome
-- declaration-api gave it.
ALTER TABLE bulk_batch DROP CONSTRAINT bulk_batch_status_check;
ALTER TABLE bulk_batch ADD CONSTRAINT bulk_batch_status_check
    CHECK (status IN ('RECEIVED', 'PROCESSING', 'COMPLETED', 'CANCELLED', 'FAILED'));
ALTER TABLE bulk_batch
    ADD COLUMN cancelled    integer NOT NULL DEFAULT 0 CHECK (cancelled >= 0),
    ADD COLUMN cancelled_at timestamptz,
    ADD COLUMN cancelled_by text;

ALTER TABLE bulk_item DROP CONSTRAINT bulk_item_status_check;
ALTER TABLE bulk_item ADD CONSTRAINT bulk_item_status_check
    CHECK (status IN ('PENDING', 'ACCEPTED', 'NOT_ACCEPTED', 'NOT_RECEIVED', 'FAILED', 'CANCELLED'));
