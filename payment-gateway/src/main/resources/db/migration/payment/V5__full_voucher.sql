-- The full voucher of confirmation message version 1 (docs/adr/0005-bank-messages.md): paying on
-- behalf, collecting agency, foreign currency with its rate, the bank's own timestamp, reversals.
-- Booked confirmations (DEBITED, REVERSED) stay in confirmation; pending and failed ones are kept
-- apart in unbooked_confirmation, so a later booking of the same reference is a new entry, not an update.
ALTER TABLE confirmation
    ADD COLUMN payer_on_behalf_mst    text,
    ADD COLUMN collecting_agency_code text,
    ADD COLUMN exchange_rate          numeric(18,4),
    ADD COLUMN amount_vnd             numeric(18,0),
    ADD COLUMN sent_at                timestamptz,
    ADD COLUMN reversal_of            text,
    ADD COLUMN signed_by              text;
UPDATE confirmation SET amount_vnd = amount WHERE amount_vnd IS NULL;
ALTER TABLE confirmation
    ALTER COLUMN amount_vnd SET NOT NULL,
    ALTER COLUMN amount TYPE numeric(20,2),
    DROP CONSTRAINT confirmation_amount_check,
    ADD CHECK (amount > 0);
-- one reversal per payment: a second reversal of the same reference is rejected before insert
CREATE UNIQUE INDEX confirmation_reversal ON confirmation (bank_code, reversal_of) WHERE reversal_of IS NOT NULL;

ALTER TABLE confirmation_line
    ADD COLUMN return_number text,
    ADD COLUMN amount_vnd    numeric(18,0);
UPDATE confirmation_line SET amount_vnd = amount WHERE amount_vnd IS NULL;
ALTER TABLE confirmation_line
    ALTER COLUMN amount_vnd SET NOT NULL,
    ALTER COLUMN amount TYPE numeric(20,2),
    DROP CONSTRAINT confirmation_line_amount_check,
    ADD CHECK (amount > 0);

CREATE TABLE unbooked_confirmation (
    bank_code      text        NOT NULL,
    bank_reference text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('PENDING', 'FAILED')),
    payer_mst      text        NOT NULL,
    amount         numeric(20,2) NOT NULL,
    currency       char(3)     NOT NULL,
    payment_date   date        NOT NULL,
    raw_message    text        NOT NULL,
    content_hash   text        NOT NULL,
    received_at    timestamptz NOT NULL,
    kafka_topic    text        NOT NULL,
    kafka_partition integer    NOT NULL,
    kafka_offset   bigint      NOT NULL,
    recording_id   uuid        NOT NULL,
    PRIMARY KEY (bank_code, bank_reference, status)
);

-- A message can hold several confirmations (camt.054 entries): a rejection is per entry. The recorded
-- version of a conflict is kept beside the rejected one; an officer's re-drive is recorded.
ALTER TABLE rejected_message
    ADD COLUMN entry_index        integer NOT NULL DEFAULT 0,
    ADD COLUMN content_type       text,
    ADD COLUMN recorded_value     text,
    ADD COLUMN redriven_at        timestamptz,
    ADD COLUMN redriven_by        text,
    ADD COLUMN redrive_message_id uuid,
    DROP CONSTRAINT rejected_message_kafka_topic_kafka_partition_kafka_offset_key,
    ADD UNIQUE (kafka_topic, kafka_partition, kafka_offset, entry_index);
