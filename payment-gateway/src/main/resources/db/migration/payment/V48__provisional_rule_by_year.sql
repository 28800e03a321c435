-- Provisional payments of corporate income tax judged by the rule of the tax year, which the finalization's
-- AnnualTaxFinalized carries (declaration-api's etax.declaration.provisional-cit; docs/adr/0006-taxpayer-ledger.md,
-- addendum "Provisional payments of corporate income tax"): Decree 126/2020 Art. 8(6) as amended by Decree 91/2022
-- has the four quarters' provisional payments reach 80 % of the year's tax by the fourth quarter's provisional
-- deadline (30 January of the next year) from the tax year 2022; up to 2021 the first three quarters' reach 75 % by
-- the third quarter's (30 October), which V35 applied to every year.
--
-- annual_tax keeps the rule each finalization announced: required_percent, the share of the year's tax the quarters
-- must have paid on account, and provisional_quarters, how many of the year's first quarters count; provisional_deadline
-- is already the deadline of the last of them. The rows booked before are the events announced before the rule was
-- carried, all of the old one, and keep it (75, 3, the deadline they announced): a later finalization of the year,
-- a supplement too, is in force with the rule it announces. required is now that share, rounded half up to the
-- đồng. Adding the columns is DDL: annual_tax_immutable, a row trigger on UPDATE and DELETE, does not fire.
DROP VIEW provisional_shortfall_v1;

ALTER TABLE annual_tax
    ADD COLUMN required_percent smallint NOT NULL DEFAULT 75 CHECK (required_percent BETWEEN 1 AND 100),
    ADD COLUMN provisional_quarters smallint NOT NULL DEFAULT 3 CHECK (provisional_quarters BETWEEN 1 AND 4),
    DROP COLUMN required;
ALTER TABLE annual_tax
    ADD COLUMN required numeric(18,0) GENERATED ALWAYS AS (round(annual_tax * required_percent / 100)) STORED;

-- payment.provisional_shortfall_v1: as V35 published it (the columns of interest_basis_v1, ADR 0011), with the
-- quarters and share of the finalization in force:
--   amount              the shortfall: annual_tax.required less what was paid on the year's quarters 1 to
--                       provisional_quarters by the deadline (tax_paid_v1); zero when they paid enough
--   due_date            the provisional deadline of the rule's last quarter (annual_tax.provisional_deadline)
--   reduction_dates,    what was paid on the year's tax of the sub-item after the deadline (on any of its quarters,
--   reduction_amounts   or on the year's own items, the finalization's I1), by the day it counts as paid, taken as
--                       paying the shortfall first, up to it
-- the other columns as V35 has them.
CREATE VIEW provisional_shortfall_v1 AS
SELECT f.shortfall_id AS payable_item_id, f.mst, f.chapter, f.sub_item, '00/CN/' || f.tax_year AS tax_period,
       s.amount::numeric(18,0) AS amount, f.provisional_deadline AS due_date,
       (s.amount - coalesce(r.paid, 0))::numeric(18,0) AS outstanding,
       coalesce(r.dates, '{}'::date[]) AS reduction_dates,
       coalesce(r.amounts, '{}'::numeric[]) AS reduction_amounts,
       greatest(f.booked_at, c.changed_at) AS changed_at
FROM (
    SELECT DISTINCT ON (shortfall_id) shortfall_id, mst, chapter, sub_item, tax_year, required, provisional_deadline,
           booked_at,
           (ARRAY['00/Q1/' || tax_year, '00/Q2/' || tax_year, '00/Q3/' || tax_year,
                  '00/Q4/' || tax_year])[1:provisional_quarters] AS rule_quarters,
           ARRAY['00/Q1/' || tax_year, '00/Q2/' || tax_year, '00/Q3/' || tax_year, '00/Q4/' || tax_year,
                 '00/CN/' || tax_year] AS year_periods
    FROM annual_tax
    ORDER BY shortfall_id, booking_seq DESC
) f
CROSS JOIN LATERAL (
    -- the shortfall: what the rule's quarters paid by the deadline, short of what was required
    SELECT greatest(f.required - coalesce(sum(p.amount), 0), 0) AS amount
    FROM tax_paid_v1 p
    WHERE p.mst = f.mst AND p.sub_item = f.sub_item AND p.tax_period = ANY (f.rule_quarters)
        AND p.paid_on <= f.provisional_deadline
) s
LEFT JOIN LATERAL (
    -- what paid it off: the year's payments after the deadline, by day, up to the shortfall
    SELECT array_agg(paying.paid_on ORDER BY paying.paid_on) AS dates,
           array_agg(paying.amount ORDER BY paying.paid_on) AS amounts, sum(paying.amount) AS paid
    FROM (
        SELECT later.paid_on,
               least(sum(later.amount) OVER running, s.amount)
                   - least(sum(later.amount) OVER running - later.amount, s.amount) AS amount
        FROM (
            SELECT p.paid_on, sum(p.amount) AS amount
            FROM tax_paid_v1 p
            WHERE p.mst = f.mst AND p.sub_item = f.sub_item AND p.tax_period = ANY (f.year_periods)
                AND p.paid_on > f.provisional_deadline
            GROUP BY p.paid_on
            HAVING sum(p.amount) > 0
        ) later
        WINDOW running AS (ORDER BY later.paid_on)
    ) paying
    WHERE paying.amount > 0
) r ON true
LEFT JOIN LATERAL (
    -- the last booking on the year's items, a reversal too
    SELECT max(l.booked_at) AS changed_at
    FROM obligation o
    JOIN ledger_line l ON l.item_id = o.item_id
        AND l.account = 'TAXPAYER_OBLIGATION' AND l.entry_type <> 'OBLIGATION_BOOKED'
    WHERE o.mst = f.mst AND o.kind = 'TAX' AND o.sub_item = f.sub_item AND o.tax_period = ANY (f.year_periods)
) c ON true;

COMMENT ON VIEW provisional_shortfall_v1 IS
    'Published contract of payment-gateway, read by batch-processor (docs/adr/0011-interest-assessment.md)';

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'etax_batch') THEN
        GRANT SELECT ON provisional_shortfall_v1 TO etax_batch;
    END IF;
END $$;
