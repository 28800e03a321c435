-- Bank payment confirmations, recorded once per (bank_code, bank_reference).
-- recording_id marks the poll that inserted a row, so the gateway can tell its own inserts from rows
-- that were already there (a redelivery, a resend, a conflict) without relying on update counts.
CREATE TABLE confirmation (
    bank_code        text          NOT NULL,
    bank_reference   text          NOT NULL,
    voucher_number   text          NOT NULL,
    payer_mst        text          NOT NULL,
    currency         char(3)       NOT NULL,
    amount           numeric(18,0) NOT NULL CHECK (amount > 0),
    payment_date     date          NOT NULL,
    status           text          NOT NULL,
    treasury_code    text          NOT NULL,
    treasury_account text          NOT NULL,
    area_code        text          NOT NULL,
    raw_message      text          NOT NULL,
    content_hash     text          NOT NULL,
    received_at      timestamptz   NOT NULL,
    kafka_topic      text          NOT NULL,
    kafka_partition  integer       NOT NULL,
    kafka_offset     bigint        NOT NULL,
    recording_id     uuid          NOT NULL,
    PRIMARY KEY (bank_code, bank_reference)
);

CREATE TABLE confirmation_line (
    bank_code       text          NOT NULL,
    bank_reference  text          NOT NULL,
    line_number     integer       NOT NULL CHECK (line_number > 0),
    posting_id      uuid          NOT NULL UNIQUE,
    chapter         text          NOT NULL,
    sub_item        text          NOT NULL,
    tax_period      text          NOT NULL,
    amount          numeric(18,0) NOT NULL CHECK (amount > 0),
    payable_item_id text,
    PRIMARY KEY (bank_code, bank_reference, line_number),
    FOREIGN KEY (bank_code, bank_reference) REFERENCES confirmation
);

-- Every record that was not recorded, once per Kafka position, with the reason it was dead-lettered.
CREATE TABLE rejected_message (
    id              bigserial   PRIMARY KEY,
    kafka_topic     text        NOT NULL,
    kafka_partition integer     NOT NULL,
    kafka_offset    bigint      NOT NULL,
    message_key     text,
    raw_value       text,
    reason          text        NOT NULL,
    detail          text        NOT NULL,
    received_at     timestamptz NOT NULL,
    recording_id    uuid        NOT NULL,
    UNIQUE (kafka_topic, kafka_partition, kafka_offset)
);
CREATE INDEX rejected_message_recording ON rejected_message (recording_id);
