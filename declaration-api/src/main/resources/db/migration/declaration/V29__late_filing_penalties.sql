-- The fine an officer decided for filing a return late (Decree 125/2020 Art. 13; ADR 0024): one per return, within the
-- band of its days late, a payable item of the taxpayer under sub-item 4254, due ten days after the decision, announced
-- to the ledger as PenaltyImposed on etax.payable-items.v1. Never changed nor deleted.
CREATE TABLE late_filing_penalty (
    payable_item_id uuid        PRIMARY KEY,
    return_id       uuid        NOT NULL UNIQUE REFERENCES tax_return (id),
    mst             text        NOT NULL,
    deadline        date        NOT NULL,
    days_late       integer     NOT NULL CHECK (days_late > 0),
    band_min        bigint      NOT NULL,
    band_max        bigint      NOT NULL,
    amount          bigint      NOT NULL CHECK (amount > 0 AND amount BETWEEN band_min AND band_max),
    decision_number text        NOT NULL,
    decided_on      date        NOT NULL,
    sub_item        text        NOT NULL,
    tax_period      text        NOT NULL,
    due_date        date        NOT NULL,
    recorded_by     text        NOT NULL,
    recorded_at     timestamptz NOT NULL
);

CREATE FUNCTION late_filing_penalty_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'late filing penalties are append-only';
END $$;
CREATE TRIGGER late_filing_penalty_append_only BEFORE UPDATE OR DELETE ON late_filing_penalty
    FOR EACH ROW EXECUTE FUNCTION late_filing_penalty_append_only();
