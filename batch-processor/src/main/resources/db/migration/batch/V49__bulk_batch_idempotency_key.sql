-- An upload sent again after its answer was lost (a proxy's timeout, a dropped connection) was a second batch: its
-- returns not accepted the first time were filed again, each with a new transaction code and new notices. A filer
-- that names its upload with an Idempotency-Key gets the batch it stored under that key back instead.
ALTER TABLE bulk_batch ADD COLUMN idempotency_key text;
CREATE UNIQUE INDEX bulk_batch_idempotency_key ON bulk_batch (filer_subject, filer_role, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
