-- Corporate income tax paid by quarter on account of the year's (VN-ETAX §3.5 R-DL-4; Decree 126/2020 Art. 8(6) as
-- amended by Decree 91/2022; docs/adr/0006-taxpayer-ledger.md, addendum "Provisional payments of corporate income
-- tax"): what the first three quarters paid by the third quarter's provisional deadline must reach 75 % of the
-- year's tax as the finalization declares it; what they fall short of accrues late-payment interest from the day
-- after that deadline to the day before it is paid.

-- The year's tax of a sub-item as each accepted finalization announced it (AnnualTaxFinalized on
-- etax.payable-items.v1): once per return and sub-item, never updated; the latest booked for a taxpayer, sub-item
-- and year is in force (a supplement is a complete return). shortfall_id names the shortfall in
-- provisional_shortfall_v1 and the interest booked on it, the same for every finalization of the year; required is
-- what the first three quarters must have paid on account by their deadline: 75 % of the year's tax, rounded half
-- up to the đồng.
CREATE TABLE annual_tax (
    event_id             uuid          PRIMARY KEY,
    return_id            uuid          NOT NULL,
    mst                  text          NOT NULL,
    chapter              text          NOT NULL,
    sub_item             text          NOT NULL,
    tax_year             integer       NOT NULL,
    annual_tax           numeric(18,0) NOT NULL CHECK (annual_tax >= 0),
    required             numeric(18,0) GENERATED ALWAYS AS (round(annual_tax * 0.75)) STORED,
    provisional_deadline date          NOT NULL,
    shortfall_id         text          NOT NULL,
    tax_office_code      text,
    content_hash         text          NOT NULL,
    booked_at            timestamptz   NOT NULL,
    booking_seq          bigserial,
    UNIQUE (return_id, sub_item)
);
CREATE INDEX annual_tax_in_force ON annual_tax (mst, sub_item, tax_year, booking_seq DESC);
CREATE INDEX annual_tax_shortfall ON annual_tax (shortfall_id, booking_seq DESC);

CREATE FUNCTION annual_tax_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a year''s tax is immutable: a later finalization supersedes it';
END $$;
CREATE TRIGGER annual_tax_immutable BEFORE UPDATE OR DELETE ON annual_tax
    FOR EACH ROW EXECUTE FUNCTION annual_tax_immutable();

-- payment.tax_paid_v1: what counts as paid on each of a taxpayer's tax items, one row per ledger line, as
-- interest_basis_v1 counts it: payments and credits applied (a credit on the day its money was paid), offsets, less
-- what a reduction or a superseding item moved from the item to the taxpayer's credit; reversed payments do not
-- count. Read below, and by declaration-api, which holds what a finalization declares paid on account against it
-- (03/TNDN G1 and G2, VN-ETAX §3.9 R-X-3).
--   mst, sub_item, tax_period, item_id   the tax item, as booked
--   paid_on                              the day it counts as paid (the bank-confirmed payment date)
--   amount                               whole VND, negative for what moved to credit
--   booked_at                            when the ledger line was booked
CREATE VIEW tax_paid_v1 AS
SELECT o.mst, o.sub_item, o.tax_period, o.item_id,
       CASE WHEN l.entry_type = 'CREDIT_APPLIED' THEN coalesce(cr.paid_on, l.value_date) ELSE l.value_date END
           AS paid_on,
       CASE WHEN l.entry_type = 'OVERPAYMENT_CREDITED' THEN -l.amount ELSE l.amount END AS amount,
       l.booked_at
FROM obligation o
JOIN ledger_line l ON l.item_id = o.item_id
    AND l.account = 'TAXPAYER_OBLIGATION' AND l.entry_type <> 'OBLIGATION_BOOKED'
LEFT JOIN credit cr ON l.entry_type = 'CREDIT_APPLIED' AND cr.credit_id = l.credit_id
WHERE o.kind = 'TAX'
    AND l.entry_type IN ('PAYMENT_APPLIED', 'CREDIT_APPLIED', 'CREDIT_OFFSET', 'OVERPAYMENT_CREDITED')
    AND NOT EXISTS (SELECT 1 FROM ledger_line r WHERE r.reverses_entry = l.entry_id
                    AND r.account = 'TAXPAYER_OBLIGATION' AND r.entry_type <> 'OBLIGATION_BOOKED');

COMMENT ON VIEW tax_paid_v1 IS
    'Published contract of payment-gateway, read by declaration-api (docs/adr/0006-taxpayer-ledger.md)';

-- payment.provisional_shortfall_v1: the columns of interest_basis_v1 (V8, ADR 0011), one row per taxpayer, sub-item
-- and year with a finalization in force, for batch-processor's interest assessment:
--   payable_item_id     the shortfall's id (annual_tax.shortfall_id); interest is booked on it
--   tax_period          the year, 00/CN/yyyy
--   amount              the shortfall: annual_tax.required less what was paid on the year's first three quarters
--                       by the deadline (tax_paid_v1); zero when they paid enough
--   due_date            the third quarter's provisional deadline
--   reduction_dates,    what was paid on the year's tax of the sub-item after the deadline (on any of its quarters,
--   reduction_amounts   or on the year's own items, the finalization's I1), by the day it counts as paid, taken as
--                       paying the shortfall first, up to it
--   outstanding         amount less those reductions
--   changed_at          the last booking that touched the year's items (a reversal too), or the finalization's
-- Each row is computed from its own taxpayer's items through lateral subqueries, and the finalization in force is
-- picked by shortfall_id: a filter on payable_item_id (the interest job's partitions) reaches annual_tax itself.
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
           ARRAY['00/Q1/' || tax_year, '00/Q2/' || tax_year, '00/Q3/' || tax_year] AS first_quarters,
           ARRAY['00/Q1/' || tax_year, '00/Q2/' || tax_year, '00/Q3/' || tax_year, '00/Q4/' || tax_year,
                 '00/CN/' || tax_year] AS year_periods
    FROM annual_tax
    ORDER BY shortfall_id, booking_seq DESC
) f
CROSS JOIN LATERAL (
    -- the shortfall: what the first three quarters paid by the deadline, short of what was required
    SELECT greatest(f.required - coalesce(sum(p.amount), 0), 0) AS amount
    FROM tax_paid_v1 p
    WHERE p.mst = f.mst AND p.sub_item = f.sub_item AND p.tax_period = ANY (f.first_quarters)
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
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'etax_filing') THEN
        GRANT USAGE ON SCHEMA payment TO etax_filing;
        GRANT SELECT ON tax_paid_v1 TO etax_filing;
    END IF;
END $$;
