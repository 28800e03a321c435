-- Officer actions that move money must show who did them and must not speak for anyone else
-- (docs/adr/0003-payment-exactly-once.md, 0005-bank-messages.md, 0014-reconciliation.md).

-- A rejection keeps the bank whose key verified the message (NULL: no valid signature, the gateway's intake
-- key, or a row from before this column): a re-drive may only ever confirm for that bank, also when the
-- message could not be read far enough to fill bank_code.
ALTER TABLE rejected_message
    ADD COLUMN signer_bank_code text;

-- A confirmation recorded from an officer's re-drive names the rejection it came from; who re-drove it and
-- when are on that rejection (redriven_by, redriven_at). NULL: the bank's own message.
ALTER TABLE confirmation
    ADD COLUMN redrive_of bigint REFERENCES rejected_message (id);
ALTER TABLE unbooked_confirmation
    ADD COLUMN redrive_of bigint REFERENCES rejected_message (id);

-- The officer who decided a correction proposes it here with their own token; the approver's request must be
-- the same request, and the gateway takes the requester from the proposal, never from the approver's body.
CREATE TABLE correction_proposal (
    correction_id  uuid        PRIMARY KEY,
    request_number text        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('RECODE', 'REVERSE', 'RECORD')),
    bank_code      text        NOT NULL,
    bank_reference text        NOT NULL,
    proposed_by    text        NOT NULL,
    content_hash   text        NOT NULL,
    proposed_at    timestamptz NOT NULL
);

CREATE FUNCTION correction_proposal_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'correction proposals are immutable: propose a new one instead';
END $$;
CREATE TRIGGER correction_proposal_immutable BEFORE UPDATE OR DELETE ON correction_proposal
    FOR EACH ROW EXECUTE FUNCTION correction_proposal_immutable();
