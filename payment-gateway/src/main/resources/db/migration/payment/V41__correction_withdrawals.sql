-- A proposal taken back before an approver recorded it (docs/adr/0014-reconciliation.md): by the officer who
-- proposed it, an approver, or batch-processor when its work item's resolution was rejected or withdrawn. An
-- entry beside the proposal, never a change to it; a withdrawn proposal is never recorded.
CREATE TABLE correction_withdrawal (
    correction_id uuid        PRIMARY KEY REFERENCES correction_proposal (correction_id),
    withdrawn_by  text        NOT NULL,
    reason        text        NOT NULL,
    withdrawn_at  timestamptz NOT NULL
);

CREATE FUNCTION correction_withdrawal_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'correction withdrawals are immutable';
END $$;
CREATE TRIGGER correction_withdrawal_immutable BEFORE UPDATE OR DELETE ON correction_withdrawal
    FOR EACH ROW EXECUTE FUNCTION correction_withdrawal_immutable();
