-- The fine an inspection's conclusion decided for tax it assessed (Law 38/2019 Art. 142, 143; Decree 125/2020 Art. 16,
-- 17; ADR 0024): 20 % of tax understated, or one to three times (by halves) tax evaded, rounded half up to the đồng. A
-- payable item of its own under sub-item 4254, due ten days after the conclusion, announced to the ledger as
-- PenaltyImposed on etax.payable-items.v1 in the conclusion's transaction. Append-only, as the conclusion is.
CREATE TABLE tax_assessment_fine (
    payable_item_id uuid         PRIMARY KEY,
    assessment_id   uuid         NOT NULL UNIQUE REFERENCES tax_assessment (id),
    violation       text         NOT NULL CHECK (violation IN ('UNDERSTATEMENT', 'EVASION')),
    rate            numeric(2,1) NOT NULL CHECK (rate > 0 AND rate <= 3),
    amount          bigint       NOT NULL CHECK (amount > 0),
    sub_item        text         NOT NULL,
    tax_period      text         NOT NULL,
    due_date        date         NOT NULL
);

CREATE TRIGGER tax_assessment_fine_append_only BEFORE UPDATE OR DELETE ON tax_assessment_fine
    FOR EACH ROW EXECUTE FUNCTION tax_inspection_append_only();
