-- Supplements that lower tax, and the date a credit counts as paid (docs/adr/0006-taxpayer-ledger.md,
-- docs/adr/0011-interest-assessment.md).

-- A credit is money in the State budget since the bank confirmed the debit it came from (VN-ETAX §5.3):
-- applied later to an item (it waited for it, or it is an overpayment offset), it counts as paid on that
-- day, not on the day it was applied. Every credit so far came from a payment line (PAYMENT_CREDITED, whose
-- value date is the payment date).
ALTER TABLE credit ADD COLUMN paid_on date;
UPDATE credit c SET paid_on = l.value_date
FROM ledger_line l
WHERE l.credit_id = c.credit_id AND l.entry_type = 'PAYMENT_CREDITED' AND l.side = 'C';
UPDATE credit SET paid_on = (created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date WHERE paid_on IS NULL;
ALTER TABLE credit ALTER COLUMN paid_on SET NOT NULL;

-- What supplements took off an obligation (OBLIGATION_REDUCED entries), a projection of the ledger kept in
-- the same transaction as the lines, like outstanding: the tax in force is amount - reduced.
ALTER TABLE obligation ADD COLUMN reduced numeric(18,0) NOT NULL DEFAULT 0;
ALTER TABLE obligation ADD CONSTRAINT obligation_reduced
    CHECK (reduced >= 0 AND reduced <= amount AND outstanding <= amount - reduced) NOT VALID;
ALTER TABLE obligation VALIDATE CONSTRAINT obligation_reduced;

-- The decreases announced on etax.payable-items.v1 (a supplement's negative difference), booked once per
-- payable item: the same item again with the same content is a duplicate, with other content a conflict.
CREATE TABLE reduction (
    item_id         text          PRIMARY KEY,
    mst             text          NOT NULL,
    chapter         text          NOT NULL,
    sub_item        text          NOT NULL,
    tax_period      text          NOT NULL,
    amount          numeric(18,0) NOT NULL CHECK (amount > 0),
    due_date        date          NOT NULL,
    source_event_id uuid          NOT NULL UNIQUE,
    content_hash    text          NOT NULL,
    booked_at       timestamptz   NOT NULL
);

-- The reduction an entry books (OBLIGATION_REDUCED, OVERPAYMENT_CREDITED), for the audit trail.
ALTER TABLE ledger_line ADD COLUMN reduction_id text;

-- payment.interest_basis_v1, same columns, corrected (the contract is in V8 and ADR 0011):
--   amount             the tax in force: as booked, less what supplements took off
--   reduction_dates    a credit applied counts from the day it was paid (its payment's date), whether it
--                      waited for this item or is an overpayment offset; what a reduction moved from the
--                      item to the taxpayer's credit no longer counts; amounts of one day are summed
CREATE OR REPLACE VIEW interest_basis_v1 AS
WITH movement AS (
    -- what changed an obligation after it was booked: payments and credits applied, reductions, what they
    -- moved to the taxpayer's credit, reversals
    SELECT item_id, entry_id, entry_type, amount, value_date, credit_id, booked_at, reverses_entry
    FROM ledger_line
    WHERE account = 'TAXPAYER_OBLIGATION' AND entry_type <> 'OBLIGATION_BOOKED'
),
applied AS (
    SELECT m.item_id,
           CASE WHEN m.entry_type = 'CREDIT_APPLIED' THEN coalesce(cr.paid_on, m.value_date) ELSE m.value_date END
               AS paid_on,
           CASE WHEN m.entry_type = 'OVERPAYMENT_CREDITED' THEN -m.amount ELSE m.amount END AS amount
    FROM movement m
    LEFT JOIN credit cr ON m.entry_type = 'CREDIT_APPLIED' AND cr.credit_id = m.credit_id
    WHERE m.entry_type IN ('PAYMENT_APPLIED', 'CREDIT_APPLIED', 'OVERPAYMENT_CREDITED')
        AND NOT EXISTS (SELECT 1 FROM movement r WHERE r.reverses_entry = m.entry_id)
),
by_day AS (
    SELECT item_id, paid_on, sum(amount) AS amount FROM applied GROUP BY item_id, paid_on HAVING sum(amount) > 0
),
reductions AS (
    SELECT item_id, array_agg(paid_on ORDER BY paid_on) AS dates, array_agg(amount ORDER BY paid_on) AS amounts
    FROM by_day GROUP BY item_id
),
changes AS (
    SELECT item_id, max(booked_at) AS changed_at FROM movement GROUP BY item_id
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

-- payment.reconciliation_confirmation_lines_v1, same columns (V20, ADR 0014): applied_vnd is what stays
-- applied of a line, so what a reduction moved back to the taxpayer's credit is no longer counted.
CREATE OR REPLACE VIEW reconciliation_confirmation_lines_v1 AS
SELECT c.bank_code, c.bank_reference, l.line_number, l.posting_id, c.voucher_number, c.payer_mst, c.currency,
       l.amount, l.amount_vnd, l.chapter, l.sub_item, l.tax_period, c.area_code, c.collecting_agency_code,
       c.treasury_code, c.treasury_account, c.payment_date, c.status, c.reversal_of,
       r.bank_reference AS reversed_by, l.payable_item_id,
       (SELECT coalesce(sum(CASE a.side WHEN 'C' THEN a.amount ELSE -a.amount END), 0) FROM ledger_line a
        WHERE a.payment_key = c.bank_code || ':' || c.bank_reference AND a.posting_id = l.posting_id
            AND a.account = 'TAXPAYER_OBLIGATION' AND a.entry_type <> 'REVERSAL'
            AND NOT EXISTS (SELECT 1 FROM ledger_line x WHERE x.reverses_entry = a.entry_id)) AS applied_vnd,
       c.received_at AS recorded_at
FROM confirmation c
JOIN confirmation_line l ON l.bank_code = c.bank_code AND l.bank_reference = c.bank_reference
LEFT JOIN confirmation r ON r.bank_code = c.bank_code AND r.reversal_of = c.bank_reference
UNION ALL
SELECT u.bank_code, u.bank_reference, NULL::integer, NULL::uuid, NULL::text, u.payer_mst, u.currency::char(3),
       u.amount, NULL::numeric, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text,
       NULL::text, NULL::text, u.payment_date, u.status, NULL::text,
       NULL::text, NULL::text, NULL::numeric, u.received_at
FROM unbooked_confirmation u
WHERE NOT EXISTS (SELECT 1 FROM confirmation b WHERE b.bank_code = u.bank_code AND b.bank_reference = u.bank_reference)
    AND NOT (u.status = 'PENDING' AND EXISTS (SELECT 1 FROM unbooked_confirmation f
        WHERE f.bank_code = u.bank_code AND f.bank_reference = u.bank_reference AND f.status = 'FAILED'));
