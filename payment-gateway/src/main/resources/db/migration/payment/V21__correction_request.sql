-- Correction requests (tra soát, VN-ETAX §5.5) an officer decided and a second officer approved
-- (docs/adr/0014-reconciliation.md). Each is a new entry: nothing recorded before is changed, and the
-- request itself is never changed either. What carries it out (a reclassification at the treasury, a
-- reversal by the bank, a payment recorded by re-drive) is a later entry of its own.
CREATE TABLE correction_request (
    correction_id        uuid          PRIMARY KEY,
    request_number       text          NOT NULL,
    kind                 text          NOT NULL CHECK (kind IN ('RECODE', 'REVERSE', 'RECORD')),
    bank_code            text          NOT NULL,
    bank_reference       text          NOT NULL,
    line_number          integer,
    posting_id           uuid,
    treasury_code        text,
    -- the coding as paid (NOIDUNG_TS) and as it should be (NOIDUNG_DC)
    paid_chapter         text,
    paid_sub_item        text,
    paid_area_code       text,
    paid_amount          numeric(20,2),
    currency             char(3),
    corrected_chapter    text,
    corrected_sub_item   text,
    corrected_area_code  text,
    corrected_amount     numeric(20,2),
    reason               text          NOT NULL,
    source_reference     text          NOT NULL,
    requested_by         text          NOT NULL,
    approved_by          text          NOT NULL CHECK (approved_by <> requested_by),
    content_hash         text          NOT NULL,
    recorded_at          timestamptz   NOT NULL
);
CREATE INDEX correction_request_voucher ON correction_request (bank_code, bank_reference);

CREATE FUNCTION correction_request_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'correction requests are immutable: record a new one instead';
END $$;
CREATE TRIGGER correction_request_immutable BEFORE UPDATE OR DELETE ON correction_request
    FOR EACH ROW EXECUTE FUNCTION correction_request_immutable();
