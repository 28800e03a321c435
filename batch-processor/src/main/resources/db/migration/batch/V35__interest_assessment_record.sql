-- Late-payment interest (docs/adr/0011-interest-assessment.md): what each run assessed, one row per payable
-- item and day with interest, appended in the chunk's transaction that moves the item's accrual on, then
-- published to etax.assessments.v1 by the job's last step. Rows arrive a day at a time, so a block range
-- index finds a day's rows for almost nothing per insert; nothing else looks them up.
CREATE TABLE batch.interest_assessment (
	assessed_for date NOT NULL,
	payable_item_id text NOT NULL,
	mst text NOT NULL,
	chapter text NOT NULL,
	interest_sub_item text NOT NULL,
	tax_period text NOT NULL,
	amount bigint NOT NULL CHECK (amount > 0),
	assessed_at timestamptz NOT NULL
);
CREATE INDEX interest_assessment_day ON batch.interest_assessment USING brin (assessed_for);

-- The retention job removes a day's assessments once its run is older than the retention age; the run
-- and its totals stay.
ALTER TABLE batch.interest_run ADD COLUMN assessments_removed_at timestamptz;
