-- The officers' console records every action: who (subject and role), when, what, on which target, and
-- how it ended (docs/adr/0015-officers-console.md). Rows are only ever added.
CREATE TABLE batch.console_audit (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    subject     text        NOT NULL,
    role        text        NOT NULL,
    action      text        NOT NULL,
    target      text,
    outcome     text        NOT NULL CHECK (outcome IN ('OK', 'REFUSED', 'FAILED')),
    detail      text
);

-- the audit page lists newest first, optionally for one officer or one action
CREATE INDEX console_audit_at ON batch.console_audit (at DESC, id DESC);
CREATE INDEX console_audit_subject ON batch.console_audit (subject, at DESC);

-- the console lists bulk batches newest first, and an officer's batches through their items' tax office
CREATE INDEX bulk_batch_received_at ON batch.bulk_batch (received_at DESC, id);
