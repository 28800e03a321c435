-- A treasury statement row valued after its payment's date, within etax.batch.reconciliation.value-date-window-days,
-- is the treasury leg of the payment's line on the payment's day (docs/adr/0014-reconciliation.md, "Classes"):
-- treasury_value_date is its value date when it is not the line's day, null otherwise.
ALTER TABLE reconciliation.line ADD COLUMN treasury_value_date date;

-- The classification looks up, by posting id, the later statement row of a payment line that has none on its own
-- day, and whether a statement row that no line of its day has is the leg of an earlier payment day's line. Built
-- IF NOT EXISTS: a large database gets it CONCURRENTLY by hand before the deploy
-- (docs/adr/0020-plans-that-need-no-statistics.md).
CREATE INDEX IF NOT EXISTS treasury_statement_line_posting
    ON reconciliation.treasury_statement_line (posting_id, business_day) WHERE replaced_by IS NULL;
