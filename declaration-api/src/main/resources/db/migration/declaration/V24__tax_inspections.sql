-- Tax inspections at the taxpayer's premises and their conclusions (VN-ETAX.md §3.6 R-DUP-4, Law 38/2019
-- Art. 47; ADR 0023): an officer of the taxpayer's tax office, or a national officer, records that a decision
-- of inspection (thanh tra or kiểm tra) at the premises was announced, for the tax periods in a date range and
-- some tax types (none: all the taxpayer's taxes), and later the conclusion or decision on tax handling that
-- ended it. A supplement of an inspected period filed once the inspection is announced is accepted with a
-- warning (penalties of Art. 142, 143); once it is concluded, one that reduces the tax payable or raises the
-- deductible or refundable amounts is not accepted (a tax complaint is the way). Both judged at the return's
-- postmark, by the dates of the decisions.
--
-- Append-only, like deadline extensions (V22): an inspection is never changed nor deleted, its conclusion is a
-- row of its own (one per inspection), so that how an inspection stood at any postmark can be told afterwards.
-- Who recorded it is the officer's token subject, never the token.
CREATE TABLE tax_inspection (
    id              uuid        PRIMARY KEY,
    mst             text        NOT NULL REFERENCES taxpayer (mst),
    decision_number text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('THANH_TRA', 'KIEM_TRA')),
    period_from     date        NOT NULL,
    period_to       date        NOT NULL CHECK (period_to >= period_from),
    -- tax type codes of the catalog (GTGT, TNDN, ...); empty: every tax of the taxpayer
    tax_types       text[]      NOT NULL DEFAULT '{}',
    announced_on    date        NOT NULL,
    recorded_by     text        NOT NULL,
    recorded_at     timestamptz NOT NULL
);
-- the look-up of a supplement's filing, and the EXISTS of the taxpayer's look-up: one taxpayer's inspections
CREATE INDEX tax_inspection_taxpayer ON tax_inspection (mst, period_from);

CREATE TABLE tax_inspection_conclusion (
    inspection_id   uuid        PRIMARY KEY REFERENCES tax_inspection (id),
    concluded_on    date        NOT NULL,
    decision_number text        NOT NULL,
    recorded_by     text        NOT NULL,
    recorded_at     timestamptz NOT NULL
);

CREATE FUNCTION tax_inspection_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'tax inspections are append-only: record a conclusion with a row of its own instead';
END $$;
CREATE TRIGGER tax_inspection_append_only BEFORE UPDATE OR DELETE ON tax_inspection
    FOR EACH ROW EXECUTE FUNCTION tax_inspection_append_only();
CREATE TRIGGER tax_inspection_conclusion_append_only BEFORE UPDATE OR DELETE ON tax_inspection_conclusion
    FOR EACH ROW EXECUTE FUNCTION tax_inspection_append_only();
