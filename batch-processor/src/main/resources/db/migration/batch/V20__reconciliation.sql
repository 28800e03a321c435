-- Three-way reconciliation of tax, bank and treasury (docs/adr/0014-reconciliation.md), in the
-- service's second schema. The tax side is the gateway's published view
-- payment.reconciliation_confirmation_lines_v1; everything here is this service's own.
CREATE SCHEMA IF NOT EXISTS reconciliation;

-- Every file received, by HTTP or from the watched directory. A file with the content of one already
-- received is that file again; a newer file of the same source for a day supersedes the older one's
-- lines of that day (file_day.superseded_by), which are then deleted.
CREATE TABLE reconciliation.imported_file (
    file_id        bigserial   PRIMARY KEY,
    kind           text        NOT NULL CHECK (kind IN ('BANK', 'TREASURY')),
    source         text        NOT NULL,
    file_reference text,
    content_hash   text        NOT NULL,
    first_day      date        NOT NULL,
    last_day       date        NOT NULL,
    vouchers       integer     NOT NULL,
    lines          integer     NOT NULL,
    received_at    timestamptz NOT NULL,
    received_by    text        NOT NULL,
    channel        text        NOT NULL CHECK (channel IN ('HTTP', 'DIRECTORY')),
    UNIQUE (kind, content_hash)
);

CREATE TABLE reconciliation.file_day (
    file_id       bigint  NOT NULL REFERENCES reconciliation.imported_file,
    business_day  date    NOT NULL,
    lines         integer NOT NULL,
    superseded_by bigint REFERENCES reconciliation.imported_file,
    PRIMARY KEY (file_id, business_day)
);
CREATE INDEX file_day_current ON reconciliation.file_day (business_day) WHERE superseded_by IS NULL;

-- The bank's daily reconciliation file, one row per voucher line (ROW_CTIET), in the order of the file.
-- business_day is the voucher's NGAY_NOP_THUE; status is the project's reading of TTHAI_GDICH and TTHAI_CTU.
CREATE TABLE reconciliation.bank_file_line (
    file_id                bigint        NOT NULL,
    business_day           date          NOT NULL,
    bank_code              text          NOT NULL,
    bank_reference         text          NOT NULL,
    line_number            integer       NOT NULL,
    voucher_number         text,
    payer_mst              text,
    currency               char(3)       NOT NULL,
    amount                 numeric(20,2) NOT NULL,
    chapter                text          NOT NULL,
    sub_item               text          NOT NULL,
    tax_period             text,
    area_code              text,
    collecting_agency_code text,
    treasury_code          text,
    treasury_account       text,
    status                 text          NOT NULL CHECK (status IN ('DEBITED', 'REVERSED', 'PENDING', 'FAILED'))
);
CREATE INDEX bank_file_line_day ON reconciliation.bank_file_line (business_day, bank_code);

-- The treasury's daily statement (the project's CSV layout), one row per posting; business_day is the
-- value date.
CREATE TABLE reconciliation.treasury_statement_line (
    file_id          bigint        NOT NULL,
    business_day     date          NOT NULL,
    posting_id       uuid          NOT NULL,
    treasury_code    text          NOT NULL,
    treasury_account text          NOT NULL,
    chapter          text          NOT NULL,
    sub_item         text          NOT NULL,
    area_code        text          NOT NULL,
    amount           numeric(20,2) NOT NULL,
    currency         char(3)       NOT NULL
);
CREATE INDEX treasury_statement_line_day ON reconciliation.treasury_statement_line (business_day);

-- The treasury's answers from treasury.acks.v1: the first per posting, and a later different one if the
-- treasury contradicted itself.
CREATE TABLE reconciliation.treasury_ack (
    posting_id   uuid        PRIMARY KEY,
    status       text        NOT NULL CHECK (status IN ('POSTED', 'REFUSED')),
    reason       text,
    acked_at     timestamptz NOT NULL,
    event_id     uuid        NOT NULL,
    later_status text,
    received_at  timestamptz NOT NULL
);

-- A reconciliation day: revision counts the imports that touched it; a day whose revision is past the
-- one its last run classified has been reopened by a late file.
CREATE TABLE reconciliation.day (
    business_day        date        PRIMARY KEY,
    revision            bigint      NOT NULL DEFAULT 0,
    reconciled_revision bigint,
    last_execution_id   bigint,
    last_run_by         text,
    last_run_at         timestamptz
);

-- Every run: who launched it, when, and what it changed.
CREATE TABLE reconciliation.run (
    execution_id  bigint      PRIMARY KEY,
    business_day  date        NOT NULL,
    launched_by   text        NOT NULL,
    classified_at timestamptz NOT NULL,
    revision      bigint      NOT NULL,
    lines         bigint      NOT NULL,
    exceptions    bigint      NOT NULL,
    created       integer,
    reclassified  integer,
    reopened      integer,
    cleared       integer
);
CREATE INDEX run_day ON reconciliation.run (business_day);

-- The classification of a day, replaced as a whole by every run. The three legs' coding is kept for
-- exceptions only (null on matched lines, which the inputs still show).
CREATE TABLE reconciliation.line (
    business_day      date          NOT NULL,
    line_key          text          NOT NULL,
    class             text          NOT NULL CHECK (class IN ('MATCHED', 'ONLY_TAX', 'ONLY_BANK', 'ONLY_TREASURY',
                                                              'STATUS_MISMATCH', 'CODING_MISMATCH')),
    currency          char(3),
    amount            numeric(20,2),
    bank_code         text,
    bank_reference    text,
    line_number       integer,
    posting_id        uuid,
    tax_office        text,
    treasury_code     text,
    tax_status        text,
    bank_status       text,
    treasury_status   text,
    mismatched        text[],
    tax_chapter       text,
    tax_sub_item      text,
    tax_area          text,
    tax_amount        numeric(20,2),
    tax_currency      char(3),
    bank_chapter      text,
    bank_sub_item     text,
    bank_area         text,
    bank_amount       numeric(20,2),
    bank_currency     char(3),
    treasury_chapter  text,
    treasury_sub_item text,
    treasury_area     text,
    treasury_amount   numeric(20,2),
    treasury_currency char(3),
    PRIMARY KEY (business_day, line_key)
);

-- Totals of a day as the bank's summary report has them: lines and amount per class and currency.
CREATE TABLE reconciliation.day_total (
    business_day date          NOT NULL,
    class        text          NOT NULL,
    currency     char(3)       NOT NULL,
    lines        bigint        NOT NULL,
    amount       numeric(22,2) NOT NULL,
    PRIMARY KEY (business_day, class, currency)
);

-- One work item per exception line of a day, kept across runs: a run reclassifies, clears or reopens it,
-- never duplicates it.
CREATE TABLE reconciliation.work_item (
    work_item_id      bigserial     PRIMARY KEY,
    business_day      date          NOT NULL,
    line_key          text          NOT NULL,
    class             text          NOT NULL,
    currency          char(3),
    amount            numeric(20,2),
    bank_code         text,
    bank_reference    text,
    line_number       integer,
    posting_id        uuid,
    tax_office        text,
    status            text          NOT NULL CHECK (status IN ('OPEN', 'ASSIGNED', 'AWAITING_APPROVAL', 'RESOLVED',
                                                               'CLEARED')),
    assignee          text,
    resolution        text CHECK (resolution IN ('EXPLAINED', 'RECODE', 'REVERSE', 'RECORD')),
    resolution_reason text,
    resolved_by       text,
    resolved_at       timestamptz,
    approved_by       text,
    approved_at       timestamptz,
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    UNIQUE (business_day, line_key),
    CHECK (approved_by IS NULL OR approved_by <> resolved_by)
);
CREATE INDEX work_item_open ON reconciliation.work_item (tax_office, business_day)
    WHERE status NOT IN ('RESOLVED', 'CLEARED');

-- Who did what to a work item, and when: officers and runs alike. Never updated or deleted.
CREATE TABLE reconciliation.work_item_event (
    event_id     bigserial   PRIMARY KEY,
    work_item_id bigint      NOT NULL REFERENCES reconciliation.work_item,
    at           timestamptz NOT NULL,
    actor        text        NOT NULL,
    action       text        NOT NULL,
    detail       text
);
CREATE INDEX work_item_event_item ON reconciliation.work_item_event (work_item_id, event_id);

CREATE FUNCTION reconciliation.immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER work_item_event_immutable BEFORE UPDATE OR DELETE ON reconciliation.work_item_event
    FOR EACH ROW EXECUTE FUNCTION reconciliation.immutable();

-- Correction requests (tra soát, VN-ETAX §5.5): the coding as paid (NOIDUNG_TS), as it should be
-- (NOIDUNG_DC), the treasury (MA_KBNN), the original voucher; recorded at the gateway once approved.
CREATE SEQUENCE reconciliation.correction_number;
CREATE TABLE reconciliation.correction_request (
    correction_id       uuid          PRIMARY KEY,
    request_number      text          NOT NULL UNIQUE,
    work_item_id        bigint        NOT NULL REFERENCES reconciliation.work_item,
    kind                text          NOT NULL CHECK (kind IN ('RECODE', 'REVERSE', 'RECORD')),
    bank_code           text          NOT NULL,
    bank_reference      text          NOT NULL,
    line_number         integer,
    posting_id          uuid,
    treasury_code       text,
    paid_chapter        text,
    paid_sub_item       text,
    paid_area_code      text,
    paid_amount         numeric(20,2),
    currency            char(3),
    corrected_chapter   text,
    corrected_sub_item  text,
    corrected_area_code text,
    corrected_amount    numeric(20,2),
    reason              text          NOT NULL,
    requested_by        text          NOT NULL,
    requested_at        timestamptz   NOT NULL,
    status              text          NOT NULL CHECK (status IN ('AWAITING_APPROVAL', 'RECORDED', 'REJECTED',
                                                                 'WITHDRAWN')),
    decided_by          text,
    decided_at          timestamptz,
    CHECK (decided_by IS NULL OR status = 'WITHDRAWN' OR decided_by <> requested_by)
);
CREATE INDEX correction_request_item ON reconciliation.correction_request (work_item_id);
