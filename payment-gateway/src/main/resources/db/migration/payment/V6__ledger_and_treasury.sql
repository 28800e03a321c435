-- The taxpayer ledger (docs/adr/0006-taxpayer-ledger.md).

-- Obligations: payable items from etax.payable-items.v1 and interest from etax.assessments.v1.
-- outstanding is a projection of the ledger kept in the same transaction as the lines that change it.
CREATE TABLE obligation (
    item_id          text          PRIMARY KEY,
    kind             text          NOT NULL CHECK (kind IN ('TAX', 'INTEREST')),
    mst              text          NOT NULL,
    chapter          text          NOT NULL,
    sub_item         text          NOT NULL,
    tax_period       text          NOT NULL,
    amount           numeric(18,0) NOT NULL CHECK (amount > 0),
    due_date         date          NOT NULL,
    outstanding      numeric(18,0) NOT NULL CHECK (outstanding >= 0 AND outstanding <= amount),
    source_event_id  uuid          NOT NULL UNIQUE,
    content_hash     text          NOT NULL,
    base_item_id     text,
    assessed_for     date,
    booked_at        timestamptz   NOT NULL,
    booking_seq      bigserial
);
CREATE INDEX obligation_open ON obligation (mst) WHERE outstanding > 0;
CREATE UNIQUE INDEX obligation_interest_day ON obligation (base_item_id, assessed_for) WHERE kind = 'INTEREST';

-- Money received and not (yet) applied: a payment that names an item not known yet (waiting for it),
-- or an overpayment (offset against the next item that falls due).
CREATE TABLE credit (
    credit_id     uuid          PRIMARY KEY,
    mst           text          NOT NULL,
    sub_item      text          NOT NULL,
    named_item_id text,
    posting_id    uuid          NOT NULL,
    payment_key   text          NOT NULL,
    amount        numeric(18,0) NOT NULL CHECK (amount > 0),
    remaining     numeric(18,0) NOT NULL CHECK (remaining >= 0 AND remaining <= amount),
    created_at    timestamptz   NOT NULL,
    created_seq   bigserial
);
CREATE INDEX credit_open ON credit (mst) WHERE remaining > 0;

-- Double-entry lines: every entry is two lines of the same amount, one debit, one credit. Never
-- updated or deleted; a correction is a reversing entry.
CREATE TABLE ledger_line (
    entry_id       uuid          NOT NULL,
    side           char(1)       NOT NULL CHECK (side IN ('D', 'C')),
    seq            bigserial,
    entry_type     text          NOT NULL,
    account        text          NOT NULL,
    mst            text,
    sub_item       text          NOT NULL,
    tax_period     text,
    treasury_code  text,
    amount         numeric(18,0) NOT NULL CHECK (amount > 0),
    value_date     date          NOT NULL,
    booked_at      timestamptz   NOT NULL,
    item_id        text,
    posting_id     uuid,
    credit_id      uuid,
    payment_key    text,
    reverses_entry uuid,
    PRIMARY KEY (entry_id, side)
);
CREATE INDEX ledger_line_taxpayer ON ledger_line (mst, seq);
CREATE INDEX ledger_line_payment ON ledger_line (payment_key) WHERE payment_key IS NOT NULL;
CREATE UNIQUE INDEX ledger_line_reversal ON ledger_line (reverses_entry, side) WHERE reverses_entry IS NOT NULL;

CREATE FUNCTION ledger_line_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger lines are immutable: book a reversing entry instead';
END $$;
CREATE TRIGGER ledger_line_immutable BEFORE UPDATE OR DELETE ON ledger_line
    FOR EACH ROW EXECUTE FUNCTION ledger_line_immutable();

-- Events of other topics that could not be used, once per Kafka position, with the reason.
CREATE TABLE rejected_event (
    id              bigserial   PRIMARY KEY,
    kafka_topic     text        NOT NULL,
    kafka_partition integer     NOT NULL,
    kafka_offset    bigint      NOT NULL,
    raw_value       text,
    reason          text        NOT NULL,
    detail          text        NOT NULL,
    received_at     timestamptz NOT NULL,
    UNIQUE (kafka_topic, kafka_partition, kafka_offset)
);

-- Treasury postings and their acks (docs/adr/0007-treasury-acks.md).
CREATE TABLE treasury_posting (
    posting_id    uuid          PRIMARY KEY,
    mst           text          NOT NULL,
    bank_code     text          NOT NULL,
    bank_reference text         NOT NULL,
    line_number   integer       NOT NULL,
    direction     text          NOT NULL CHECK (direction IN ('PAYMENT', 'REVERSAL')),
    treasury_code text          NOT NULL,
    sub_item      text          NOT NULL,
    amount_vnd    numeric(18,0) NOT NULL,
    payment_date  date          NOT NULL,
    requested_at  timestamptz   NOT NULL,
    status        text          NOT NULL DEFAULT 'REQUESTED' CHECK (status IN ('REQUESTED', 'POSTED', 'REFUSED')),
    acked_at      timestamptz,
    ack_reason    text,
    ack_event_id  uuid
);
CREATE INDEX treasury_posting_unacked ON treasury_posting (requested_at) WHERE status = 'REQUESTED';
