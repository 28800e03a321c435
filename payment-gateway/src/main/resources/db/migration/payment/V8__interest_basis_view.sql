-- payment.interest_basis_v1: the gateway's published, read-only view of what late-payment interest is
-- computed from (docs/adr/0011-interest-assessment.md). A contract like an event: batch-processor reads
-- it, never the tables below; a change that breaks a reader is a new view (_v2) beside this one.
--
-- One row per payable item booked from etax.payable-items.v1 (interest obligations are not in it):
--   payable_item_id, mst, chapter, sub_item, tax_period, amount, due_date  as booked
--   outstanding        what is still owed now
--   reduction_dates    the days the amounts in reduction_amounts count as paid, oldest first
--   reduction_amounts  whole VND applied to the item and not reversed
--   changed_at         the last booking that touched the item (booked, paid, reversed)
-- A reduction's day is the bank-confirmed payment date (NGAY_NTHUE, stored as the value date of a
-- PAYMENT_APPLIED entry); for a credit that waited for this very item, the day it was paid; for any
-- other credit (an overpayment offset), the day it was applied. A reversed payment is no reduction.
CREATE VIEW interest_basis_v1 AS
WITH movement AS (
    -- what changed an obligation after it was booked: payments and credits applied, their reversals
    SELECT item_id, entry_id, entry_type, amount, value_date, credit_id, booked_at, reverses_entry
    FROM ledger_line
    WHERE account = 'TAXPAYER_OBLIGATION' AND entry_type <> 'OBLIGATION_BOOKED'
),
applied AS (
    SELECT m.item_id, CASE WHEN waited.item_id = m.item_id THEN waited.value_date ELSE m.value_date END AS paid_on,
           m.amount
    FROM movement m
    LEFT JOIN ledger_line waited ON m.entry_type = 'CREDIT_APPLIED' AND waited.credit_id = m.credit_id
        AND waited.entry_type = 'PAYMENT_CREDITED' AND waited.side = 'C'
    WHERE m.entry_type IN ('PAYMENT_APPLIED', 'CREDIT_APPLIED')
        AND NOT EXISTS (SELECT 1 FROM movement r WHERE r.reverses_entry = m.entry_id)
),
reductions AS (
    SELECT item_id, array_agg(paid_on ORDER BY paid_on, amount) AS dates,
           array_agg(amount ORDER BY paid_on, amount) AS amounts
    FROM applied GROUP BY item_id
),
changes AS (
    SELECT item_id, max(booked_at) AS changed_at FROM movement GROUP BY item_id
)
SELECT o.item_id AS payable_item_id, o.mst, o.chapter, o.sub_item, o.tax_period, o.amount, o.due_date,
       o.outstanding,
       coalesce(r.dates, '{}'::date[]) AS reduction_dates,
       coalesce(r.amounts, '{}'::numeric[]) AS reduction_amounts,
       greatest(o.booked_at, c.changed_at) AS changed_at
FROM obligation o
LEFT JOIN reductions r ON r.item_id = o.item_id
LEFT JOIN changes c ON c.item_id = o.item_id
WHERE o.kind = 'TAX';

COMMENT ON VIEW interest_basis_v1 IS
    'Published contract of payment-gateway, read by batch-processor (docs/adr/0011-interest-assessment.md)';

-- The view reads payable items and what moved them, not the interest obligations and booking entries
-- that grow by one per item and day: these indexes keep its reads to those rows.
CREATE INDEX obligation_tax_due ON obligation (due_date) WHERE kind = 'TAX';
CREATE INDEX ledger_line_obligation_movement ON ledger_line (item_id)
    WHERE account = 'TAXPAYER_OBLIGATION' AND entry_type <> 'OBLIGATION_BOOKED';
CREATE INDEX ledger_line_credited ON ledger_line (credit_id) WHERE entry_type = 'PAYMENT_CREDITED';

-- In production each service has its own database user; the reader gets this view and nothing else
-- (a view runs with its owner's rights, so the ledger tables stay closed).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'etax_batch') THEN
        GRANT USAGE ON SCHEMA payment TO etax_batch;
        GRANT SELECT ON interest_basis_v1 TO etax_batch;
    END IF;
END $$;
