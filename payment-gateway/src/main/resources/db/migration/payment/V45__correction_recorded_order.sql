-- The RECODEs of a line are recorded one after another under the payment's row lock, and the coding of the line's
-- money follows them in that order. recorded_at is the recording instance's clock, which two replicas may disagree
-- on; a sequence taken at the insert, under the lock, is the order they were recorded in. Rows recorded before this
-- migration get numbers in the table's order, which for the RECODEs of one line is their insert order. The
-- voucher's index (V21) finds a line's few.
ALTER TABLE correction_request
    ADD COLUMN recorded_seq bigint GENERATED ALWAYS AS IDENTITY;
