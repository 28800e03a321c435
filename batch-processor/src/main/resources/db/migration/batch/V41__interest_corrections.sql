-- Late-payment interest taken back (docs/adr/0011-interest-assessment.md, "Corrections"): when less has
-- accrued on an item through the day assessed than was published on it (a supplement lowered its tax, a
-- payment was confirmed after the days it stops were assessed), the run records the difference as a
-- correction and publishes it as InterestCorrected; the gateway takes it off the item's interest.

-- A day's record holds corrections beside assessments; amount stays positive (what is taken back).
-- Every row recorded so far is an assessment: the default is set without rewriting the table, and the
-- check holds for rows written from now on without scanning the millions already there.
ALTER TABLE batch.interest_assessment ADD COLUMN kind text NOT NULL DEFAULT 'ASSESSED';
ALTER TABLE batch.interest_assessment ADD CONSTRAINT interest_assessment_kind
	CHECK (kind IN ('ASSESSED', 'CORRECTED')) NOT VALID;

-- The day's figures by tax sub-item keep what was assessed and what was taken back apart: a row may now
-- hold corrections only. Its two checks (items > 0, interest > 0) were named by PostgreSQL, so they are
-- found by kind rather than by name.
DO $$
DECLARE
	c record;
BEGIN
	FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = 'batch.interest_run_total'::regclass AND contype = 'c' LOOP
		EXECUTE format('ALTER TABLE batch.interest_run_total DROP CONSTRAINT %I', c.conname);
	END LOOP;
END $$;
ALTER TABLE batch.interest_run_total
	ADD COLUMN items_corrected bigint NOT NULL DEFAULT 0,
	ADD COLUMN interest_taken_back numeric(18, 0) NOT NULL DEFAULT 0,
	ADD CONSTRAINT interest_run_total_figures CHECK (items >= 0 AND interest >= 0 AND items_corrected >= 0
		AND interest_taken_back >= 0 AND (items > 0 OR items_corrected > 0)
		AND (items = 0) = (interest = 0) AND (items_corrected = 0) = (interest_taken_back = 0));

ALTER TABLE batch.interest_run
	ADD COLUMN items_corrected bigint NOT NULL DEFAULT 0 CHECK (items_corrected >= 0),
	ADD COLUMN interest_taken_back numeric(18, 0) NOT NULL DEFAULT 0 CHECK (interest_taken_back >= 0);

-- Interest published before this version may exceed what accrued without the ledger showing any change
-- since: V24 of the gateway re-dated credits applied later to the day their money was paid, and an item
-- paid off that way is not read again (nothing of it changes after the last read). Every item that has
-- interest published is read once more by the next run, which takes back what it finds in excess; from
-- then on an item whose accrual can fall has a ledger change the reader sees.
UPDATE batch.interest_accrual SET computed_at = '-infinity' WHERE assessed_total > 0;
