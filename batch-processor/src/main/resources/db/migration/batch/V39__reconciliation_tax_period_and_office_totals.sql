-- The tax period (KY_THUE) of a voucher line as the tax side and the bank's file have it, compared since
-- docs/adr/0014-reconciliation.md lists it; kept, as the coding is, for exceptions only (the treasury's
-- statement has no period). Lines classified before this migration have none.
ALTER TABLE reconciliation.line
    ADD COLUMN tax_tax_period  text,
    ADD COLUMN bank_tax_period text;

-- A day's totals per tax office, so that an officer sees the totals of the lines it sees (a national
-- officer adds up every office); null is the office of lines only the treasury has.
ALTER TABLE reconciliation.day_total
    DROP CONSTRAINT day_total_pkey,
    ADD COLUMN tax_office text;
-- the totals so far were national: rebuilt from the lines, which carry their office
DELETE FROM reconciliation.day_total;
INSERT INTO reconciliation.day_total (business_day, tax_office, class, currency, lines, amount)
SELECT business_day, tax_office, class, currency, count(*), coalesce(sum(amount), 0)
FROM reconciliation.line GROUP BY business_day, tax_office, class, currency;
ALTER TABLE reconciliation.day_total
    ADD CONSTRAINT day_total_key UNIQUE NULLS NOT DISTINCT (business_day, tax_office, class, currency);
