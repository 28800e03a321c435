-- payment.interest_basis_v1, the same columns and meaning (V8, V24, V34; docs/adr/0011-interest-assessment.md): what
-- counts as paid on an item is now read from tax_paid_v1 (V35), the one place that says it, so that the interest
-- basis, the provisional shortfall and declaration-api's check of what a finalization declares paid count it alike.
CREATE OR REPLACE VIEW interest_basis_v1 AS
WITH by_day AS (
    SELECT item_id, paid_on, sum(amount) AS amount FROM tax_paid_v1 GROUP BY item_id, paid_on HAVING sum(amount) > 0
),
reductions AS (
    SELECT item_id, array_agg(paid_on ORDER BY paid_on) AS dates, array_agg(amount ORDER BY paid_on) AS amounts
    FROM by_day GROUP BY item_id
),
changes AS (
    -- the last booking that moved the item, a reversal too
    SELECT item_id, max(booked_at) AS changed_at
    FROM ledger_line
    WHERE account = 'TAXPAYER_OBLIGATION' AND entry_type <> 'OBLIGATION_BOOKED'
    GROUP BY item_id
)
SELECT o.item_id AS payable_item_id, o.mst, o.chapter, o.sub_item, o.tax_period,
       (o.amount - o.reduced)::numeric(18,0) AS amount, o.due_date, o.outstanding,
       coalesce(r.dates, '{}'::date[]) AS reduction_dates,
       coalesce(r.amounts, '{}'::numeric[]) AS reduction_amounts,
       greatest(o.booked_at, c.changed_at) AS changed_at
FROM obligation o
LEFT JOIN reductions r ON r.item_id = o.item_id
LEFT JOIN changes c ON c.item_id = o.item_id
WHERE o.kind = 'TAX';
