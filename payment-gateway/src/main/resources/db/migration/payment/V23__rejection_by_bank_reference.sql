-- A bank asks what became of its confirmation by its own reference (GET /api/v1/bank/confirmations/{ref}):
-- a rejected entry that could be read keeps the bank code and reference it carried. Entries rejected
-- before they could be read (not JSON, a bad signature) have neither.
ALTER TABLE rejected_message
    ADD COLUMN bank_code      text,
    ADD COLUMN bank_reference text;
CREATE INDEX rejected_message_bank_reference ON rejected_message (bank_code, bank_reference)
    WHERE bank_code IS NOT NULL;
