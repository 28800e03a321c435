-- A payment is reversed once, and an officer resolves a held credit once (docs/adr/0006-taxpayer-ledger.md,
-- docs/adr/0014-reconciliation.md).

-- Two more kinds of correction request, both about a voucher line whose credit is held for an officer because
-- it named another taxpayer's payable item: APPLY_HELD applies it to that item (the payer paid for the item's
-- taxpayer), RELEASE_HELD makes it the payer's own credit. Proposed by one officer, recorded by another, like
-- every correction request; recording one carries it out in the same transaction.
ALTER TABLE correction_request DROP CONSTRAINT correction_request_kind_check;
ALTER TABLE correction_request ADD CONSTRAINT correction_request_kind_check
    CHECK (kind IN ('RECODE', 'REVERSE', 'RECORD', 'APPLY_HELD', 'RELEASE_HELD'));
ALTER TABLE correction_proposal DROP CONSTRAINT correction_proposal_kind_check;
ALTER TABLE correction_proposal ADD CONSTRAINT correction_proposal_kind_check
    CHECK (kind IN ('RECODE', 'REVERSE', 'RECORD', 'APPLY_HELD', 'RELEASE_HELD'));

-- How each held credit was resolved, once: the primary key refuses a second resolution of the same credit
-- whatever the correction request, also when two approvals race. Never updated or deleted.
CREATE TABLE held_credit_resolution (
    credit_id      uuid          PRIMARY KEY REFERENCES credit (credit_id),
    posting_id     uuid          NOT NULL UNIQUE,
    correction_id  uuid          NOT NULL UNIQUE REFERENCES correction_request (correction_id),
    kind           text          NOT NULL CHECK (kind IN ('APPLY_HELD', 'RELEASE_HELD')),
    payer_mst      text          NOT NULL,
    item_id        text          NOT NULL,
    item_mst       text          NOT NULL,
    -- what was held when it was resolved: applied to the named item, and released as the payer's credit
    amount         numeric(18,0) NOT NULL CHECK (amount > 0),
    applied        numeric(18,0) NOT NULL CHECK (applied >= 0),
    released       numeric(18,0) NOT NULL CHECK (released >= 0),
    requested_by   text          NOT NULL,
    approved_by    text          NOT NULL CHECK (approved_by <> requested_by),
    resolved_at    timestamptz   NOT NULL,
    CHECK (applied + released = amount),
    CHECK (kind = 'APPLY_HELD' OR applied = 0)
);
CREATE INDEX held_credit_resolution_resolved_at ON held_credit_resolution (resolved_at, credit_id);

CREATE FUNCTION held_credit_resolution_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'held credit resolutions are immutable: a resolution is reversed with its payment';
END $$;
CREATE TRIGGER held_credit_resolution_immutable BEFORE UPDATE OR DELETE ON held_credit_resolution
    FOR EACH ROW EXECUTE FUNCTION held_credit_resolution_immutable();
