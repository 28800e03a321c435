-- Returns that were received (01-1/TB-TĐT issued). Never updated in place: a supplement is a new row.
CREATE SEQUENCE transaction_code_seq;

CREATE TABLE tax_return (
    id                uuid        PRIMARY KEY,
    transaction_code  char(17)    NOT NULL UNIQUE,
    mst               text        NOT NULL,
    form_code         text        NOT NULL,
    ma_tkhai          text        NOT NULL,
    form_version      text        NOT NULL,
    filing_type       char(1)     NOT NULL,
    submission_number integer     NOT NULL,
    period_kind       text        NOT NULL,
    period_value      text        NOT NULL,
    period_from       date,
    period_to         date,
    tax_office_code   text        NOT NULL,
    status            text        NOT NULL,
    received_at       timestamptz NOT NULL,
    content_sha256    char(64)    NOT NULL,
    indicators        jsonb       NOT NULL,
    findings          jsonb       NOT NULL,
    xml               bytea       NOT NULL
);
CREATE INDEX tax_return_mst_form_period ON tax_return (mst, ma_tkhai, period_value);
CREATE INDEX tax_return_received_at ON tax_return (received_at);

-- One line per input that was not received: what was wrong, never the payload.
CREATE TABLE intake_audit (
    id             bigserial   PRIMARY KEY,
    at             timestamptz NOT NULL,
    outcome        text        NOT NULL,
    reason         text        NOT NULL,
    size_bytes     integer     NOT NULL,
    content_sha256 char(64)
);
