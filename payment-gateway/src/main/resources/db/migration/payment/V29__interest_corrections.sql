-- Interest taken back (docs/adr/0006-taxpayer-ledger.md, "Reductions"; docs/adr/0011-interest-assessment.md):
-- batch-processor's InterestCorrected on etax.assessments.v1 says that less interest accrued on a payable
-- item than it published (a supplement lowered the tax, a payment was confirmed after the days it stops
-- were assessed). It is booked as a reduction of the interest obligations booked on that item, like a
-- supplement's decrease of tax: OBLIGATION_REDUCED entries, and what was paid beyond the new total moved to
-- the taxpayer's credit (OVERPAYMENT_CREDITED).
--
-- item_id is the correction's event id (as an interest obligation's is its assessment's), due_date the day
-- whose run found it; base_item_id names the tax item, and a correction is booked at most once per item
-- and day, whatever its event id.
ALTER TABLE reduction
    ADD COLUMN base_item_id text,
    ADD COLUMN assessed_for date,
    ADD CONSTRAINT reduction_of_interest CHECK ((base_item_id IS NULL) = (assessed_for IS NULL));
CREATE UNIQUE INDEX reduction_interest_day ON reduction (base_item_id, assessed_for) WHERE base_item_id IS NOT NULL;
