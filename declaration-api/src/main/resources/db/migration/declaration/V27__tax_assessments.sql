-- Tax an inspection's conclusion assessed (thuế truy thu, VN-ETAX.md §5.6; ADR 0023): per form, period and budget
-- sub-item, a payable item of the taxpayer due on the period's regular deadline, so that late-payment interest runs
-- from the day after it. Recorded with the conclusion, in its transaction, and announced to the ledger as TaxAssessed
-- on etax.payable-items.v1. Append-only, as the conclusion is.
CREATE TABLE tax_assessment (
    id              uuid        PRIMARY KEY,
    inspection_id   uuid        NOT NULL REFERENCES tax_inspection_conclusion (inspection_id),
    position        integer     NOT NULL,
    mst             text        NOT NULL,
    form_code       text        NOT NULL,
    ma_tkhai        text        NOT NULL,
    period_kind     text        NOT NULL,
    period          text        NOT NULL,
    chapter         text        NOT NULL,
    sub_item        text        NOT NULL,
    tax_period      text        NOT NULL,
    amount          bigint      NOT NULL CHECK (amount > 0),
    due_date        date        NOT NULL,
    tax_office_code text        NOT NULL,
    UNIQUE (inspection_id, position),
    UNIQUE (inspection_id, ma_tkhai, period_kind, period, sub_item)
);

CREATE TRIGGER tax_assessment_append_only BEFORE UPDATE OR DELETE ON tax_assessment
    FOR EACH ROW EXECUTE FUNCTION tax_inspection_append_only();
