-- What each imported daily file held, per currency (GET /api/v1/reconciliation/files/{id}): counted when it
-- is imported, because a later file of the same source for the same days deletes its lines. Files
-- imported before this migration have no totals.
CREATE TABLE reconciliation.file_total (
    file_id  bigint        NOT NULL REFERENCES reconciliation.imported_file (file_id),
    currency text          NOT NULL,
    lines    integer       NOT NULL CHECK (lines > 0),
    amount   numeric(26,2) NOT NULL,
    PRIMARY KEY (file_id, currency)
);
