-- Bulk filings (docs/adr/0013-bulk-filing.md): each batch as uploaded, its items byte for byte, and what
-- each item got from declaration-api. The filer is the caller who uploaded the batch: every item is filed
-- as that caller.
CREATE TABLE bulk_batch (
    id            uuid        PRIMARY KEY,
    filer_subject text        NOT NULL,
    filer_role    text        NOT NULL CHECK (filer_role IN ('AGENT', 'TVAN')),
    filer_mst     text,
    format        text        NOT NULL CHECK (format IN ('ZIP', 'XML')),
    upload_size   bigint      NOT NULL,
    upload_sha256 text        NOT NULL,
    item_count    integer     NOT NULL CHECK (item_count > 0),
    status        text        NOT NULL CHECK (status IN ('RECEIVED', 'PROCESSING', 'COMPLETED', 'FAILED')),
    received_at   timestamptz NOT NULL,
    completed_at  timestamptz,
    -- written by the process running the batch every few seconds (database time): a batch whose heartbeat
    -- is older than the lease is taken over by another process
    heartbeat_at  timestamptz NOT NULL,
    attempts      integer     NOT NULL DEFAULT 0
);
CREATE INDEX bulk_batch_filer ON bulk_batch (filer_subject, received_at);
CREATE INDEX bulk_batch_unfinished ON bulk_batch (heartbeat_at) WHERE status IN ('RECEIVED', 'PROCESSING');

-- The file as it was uploaded, kept with the batch.
CREATE TABLE bulk_upload (
    batch_id uuid  PRIMARY KEY REFERENCES bulk_batch (id),
    content  bytea NOT NULL
);

CREATE TABLE bulk_item (
    batch_id         uuid        NOT NULL REFERENCES bulk_batch (id),
    item_no          integer     NOT NULL CHECK (item_no > 0),
    name             text,
    content          bytea       NOT NULL,
    status           text        NOT NULL
        CHECK (status IN ('PENDING', 'ACCEPTED', 'NOT_ACCEPTED', 'NOT_RECEIVED', 'FAILED')),
    http_status      integer,
    replayed         boolean,
    return_id        uuid,
    transaction_code text,
    tax_office_code  text,
    receipt          jsonb,
    problem          jsonb,
    attempts         integer     NOT NULL DEFAULT 0,
    decided_at       timestamptz,
    PRIMARY KEY (batch_id, item_no)
);
CREATE INDEX bulk_item_pending ON bulk_item (batch_id, item_no) WHERE status = 'PENDING';
CREATE INDEX bulk_item_tax_office ON bulk_item (tax_office_code, batch_id) WHERE tax_office_code IS NOT NULL;
