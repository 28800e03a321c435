-- Returns that declaration-api decided on, as learned from etax.declarations.v1 (ReturnAccepted,
-- ReturnRejected). One row per event: event_id is the de-duplication key, so a redelivered event
-- changes nothing. No taxpayer data is kept: the summaries need the form, the outcome and the day.
CREATE TABLE batch.filed_return (
	event_id uuid PRIMARY KEY,
	return_id uuid NOT NULL,
	form_code varchar(32) NOT NULL,
	status varchar(12) NOT NULL CHECK (status IN ('ACCEPTED', 'NOT_ACCEPTED')),
	-- receivedAt as a date in Asia/Ho_Chi_Minh: the day the return counts for.
	business_day date NOT NULL,
	received_at timestamptz NOT NULL
);

-- Lets the daily summary aggregate one day from the index alone.
CREATE INDEX filed_return_business_day_idx ON batch.filed_return (business_day, form_code, status);
