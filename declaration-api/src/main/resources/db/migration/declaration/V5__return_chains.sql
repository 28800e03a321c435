-- Originals and supplements form a chain per (MST, form, period, activity, dependent unit): VN-ETAX.md §3.6.
ALTER TABLE tax_return ADD COLUMN chain_key text NOT NULL DEFAULT '';
ALTER TABLE tax_return ALTER COLUMN chain_key DROP DEFAULT;
CREATE INDEX tax_return_chain ON tax_return (chain_key, status, submission_number);
CREATE INDEX tax_return_content ON tax_return (content_sha256);

-- The lifecycle of every return, append-only: RECEIVED, ACCEPTED, NOT_ACCEPTED, SUPERSEDED, PAID.
CREATE TABLE return_event (
    id         bigserial   PRIMARY KEY,
    return_id  uuid        NOT NULL REFERENCES tax_return (id),
    type       text        NOT NULL,
    at         timestamptz NOT NULL,
    detail     jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX return_event_return ON return_event (return_id, id);

-- Retry safety: a filer's Idempotency-Key names one filing for good.
CREATE TABLE idempotency_key (
    filer          text        NOT NULL,
    key            text        NOT NULL,
    content_sha256 char(64)    NOT NULL,
    return_id      uuid        NOT NULL REFERENCES tax_return (id),
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (filer, key)
);

-- A supplement adds the difference to what was payable: it may lower an amount.
ALTER TABLE payable_item DROP CONSTRAINT payable_item_amount_check;
ALTER TABLE payable_item ADD CONSTRAINT payable_item_amount_not_zero CHECK (amount <> 0);
