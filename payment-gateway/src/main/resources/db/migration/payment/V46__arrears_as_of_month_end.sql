-- Arrears notices (07/QLN) state what was outstanding at the month's end, not what is outstanding when they are
-- issued (docs/adr/0006-taxpayer-ledger.md, addendum "Arrears notices"). A taxpayer owing 22M at 30 April who paid on
-- 2 May got an April notice, issued on 3 May, that left the debt out.
--
-- What an item owed at a day is what it owes now plus what was paid on it after that day, each payment counted from
-- the day interest_basis_v1 counts it from (V8, V24, V34): a payment line from its bank-confirmed payment date (its
-- value date), a credit applied from the day its money was paid (at most the line's value date), an offset on request
-- from the day it was approved; what a reduction moved back to credit is taken off on the day it was paid, and a
-- reversed payment never counts. So a notice reads the items owing now (obligation_owing, V44) and, of the lines
-- that paid an item, only those dated after the month's end: this index, by taxpayer and value date. It holds the
-- lines that pay an item, not the bookings that grow by one per item and day, and carries the item so that finding
-- the taxpayers with such a line reads the index alone (the ledger is never updated, so its pages stay all-visible).
-- IF NOT EXISTS: a large ledger gets it built CONCURRENTLY by hand before the deploy (ADR 0020, "Rolling out").
CREATE INDEX IF NOT EXISTS ledger_line_obligation_paid ON ledger_line (mst, value_date) INCLUDE (item_id)
    WHERE account = 'TAXPAYER_OBLIGATION'
        AND entry_type IN ('PAYMENT_APPLIED', 'CREDIT_APPLIED', 'CREDIT_OFFSET', 'OVERPAYMENT_CREDITED');

-- A month is recorded when its first run starts, and completed when a run has issued every notice. The daily run
-- finishes any month since the first one recorded (at most a year back) that is not completed; a first month whose
-- run never finished is recorded too, and is not forgotten when the next month comes.
-- The column has a default while instances of the version before, which insert a month only once done and name no
-- start, still run beside the new ones (a rolling deploy).
ALTER TABLE arrears_month
    ADD COLUMN started_at timestamptz,
    ALTER COLUMN completed_at DROP NOT NULL;
UPDATE arrears_month SET started_at = completed_at;
ALTER TABLE arrears_month ALTER COLUMN started_at SET DEFAULT now(), ALTER COLUMN started_at SET NOT NULL;
