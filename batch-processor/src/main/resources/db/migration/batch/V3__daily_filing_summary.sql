-- Output of dailyFilingSummaryJob: returns decided per business day, form and outcome. The primary
-- key makes the writer an upsert, so a restarted or repeated run never duplicates a row.
-- job_execution_id has no foreign key on purpose: job metadata will be purged by a retention job
-- while the summaries stay.
CREATE TABLE batch.daily_filing_summary (
	business_day date NOT NULL,
	form_code varchar(32) NOT NULL,
	status varchar(12) NOT NULL,
	returns bigint NOT NULL CHECK (returns >= 0),
	job_execution_id bigint NOT NULL,
	computed_at timestamptz NOT NULL,
	PRIMARY KEY (business_day, form_code, status)
);
