-- Late-payment interest (docs/adr/0011-interest-assessment.md). The input is the ledger's published view
-- payment.interest_basis_v1; these tables are batch-processor's own.

-- Reference data: the daily rate in force from a day on, until the next row (Law 38/2019 Art. 59:
-- 0.03 % a day since 1 July 2020). A change of rate is a new row, not a release.
CREATE TABLE batch.interest_rate (
	valid_from date PRIMARY KEY,
	daily_rate numeric(10, 8) NOT NULL CHECK (daily_rate > 0 AND daily_rate < 1)
);
INSERT INTO batch.interest_rate (valid_from, daily_rate) VALUES ('2020-07-01', 0.0003);

-- Reference data: the sub-item (NDKT) interest on a tax sub-item is booked under, and the tax type it is
-- reported by; the row in force on a day is the latest valid_from not after it. A payable item whose
-- sub-item has no row is not assessed (the run counts it) until a row is added; the next run then
-- assesses all the interest it accrued. 4931 is the confirmed code for domestic VAT; 4917 and 4918 are
-- assumed (the codes the gateway's catalogue names for PIT and CIT interest), to be checked against
-- Circular 324/2016.
CREATE TABLE batch.interest_sub_item (
	tax_sub_item text NOT NULL CHECK (tax_sub_item ~ '^[0-9]{4}$'),
	valid_from date NOT NULL,
	interest_sub_item text NOT NULL CHECK (interest_sub_item ~ '^[0-9]{4}$'),
	tax_type text NOT NULL,
	PRIMARY KEY (tax_sub_item, valid_from)
);
INSERT INTO batch.interest_sub_item (tax_sub_item, valid_from, interest_sub_item, tax_type) VALUES
	('1701', '2017-01-01', '4931', 'GTGT'),
	('1052', '2017-01-01', '4918', 'TNDN'),
	('1053', '2017-01-01', '4918', 'TNDN'),
	('1001', '2017-01-01', '4917', 'TNCN'),
	('1003', '2017-01-01', '4917', 'TNCN'),
	('1004', '2017-01-01', '4917', 'TNCN'),
	('1005', '2017-01-01', '4917', 'TNCN'),
	('1006', '2017-01-01', '4917', 'TNCN'),
	('1007', '2017-01-01', '4917', 'TNCN'),
	('1008', '2017-01-01', '4917', 'TNCN'),
	('1012', '2017-01-01', '4917', 'TNCN');

-- Where each payable item stands: the last day assessed, all interest published on it so far, and when
-- the ledger was read for it. assessed_through is also the version a run updates against, so two runs
-- can never both move an item on. Every open item's row is updated once a day: the free space lets
-- PostgreSQL update it in place (no indexed column changes).
CREATE TABLE batch.interest_accrual (
	payable_item_id text PRIMARY KEY,
	assessed_through date NOT NULL,
	assessed_total numeric(18, 0) NOT NULL CHECK (assessed_total >= 0),
	computed_at timestamptz NOT NULL
) WITH (fillfactor = 70);

-- What officers see of each run (one a day). The writer adds each chunk's interest to its day's totals
-- by tax sub-item in the chunk's transaction; the job's last step writes the run. What was published per
-- item and day is the events themselves: the ledger books each as an obligation. No taxpayer data here.
-- job_execution_id has no foreign key, so that purging job metadata never touches it.
CREATE TABLE batch.interest_run (
	assessed_for date PRIMARY KEY,
	job_execution_id bigint NOT NULL,
	items_assessed bigint NOT NULL CHECK (items_assessed >= 0),
	total_interest numeric(18, 0) NOT NULL CHECK (total_interest >= 0),
	items_not_assessable bigint NOT NULL CHECK (items_not_assessable >= 0),
	completed_at timestamptz NOT NULL
);

CREATE TABLE batch.interest_run_total (
	assessed_for date NOT NULL,
	tax_sub_item text NOT NULL,
	interest_sub_item text NOT NULL,
	tax_type text NOT NULL,
	items bigint NOT NULL CHECK (items > 0),
	interest numeric(18, 0) NOT NULL CHECK (interest > 0),
	PRIMARY KEY (assessed_for, tax_sub_item, interest_sub_item)
);
