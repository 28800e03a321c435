-- What the gateway announced of each payable item's payment (etax.payments.v1, PaymentAllocated): what the
-- item still owed after the last allocation seen, and since when it owes nothing. NULL: no payment seen.
ALTER TABLE payable_item ADD COLUMN outstanding bigint, ADD COLUMN settled_at timestamptz;

-- Events of other services consumed here, by id: a redelivered event changes nothing. Kept 90 days, far
-- longer than a topic keeps what could be redelivered.
CREATE TABLE consumed_event (
    event_id    uuid        PRIMARY KEY,
    consumed_at timestamptz NOT NULL
);
CREATE INDEX consumed_event_at ON consumed_event (consumed_at);
