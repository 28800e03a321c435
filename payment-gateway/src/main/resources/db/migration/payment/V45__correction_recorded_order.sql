-- The RECODEs of a line are recorded one after another under the payment's row lock, and the coding of the line's
-- money follows them in that order. recorded_at is the recording instance's clock, which two replicas may disagree
-- on; a sequence taken at the insert, under the lock, is the order they were recorded in. Rows recorded before this
-- migration are numbered as they were ordered until now, by recorded_at (then id); the table is append-only
-- (V21's trigger), set aside for the numbering. The voucher's index (V21) finds a line's few.
ALTER TABLE correction_request ADD COLUMN recorded_seq bigint;
ALTER TABLE correction_request DISABLE TRIGGER correction_request_immutable;
UPDATE correction_request c SET recorded_seq = n.seq
FROM (SELECT correction_id, row_number() OVER (ORDER BY recorded_at, correction_id) AS seq FROM correction_request) n
WHERE n.correction_id = c.correction_id;
ALTER TABLE correction_request ENABLE TRIGGER correction_request_immutable;
CREATE SEQUENCE correction_request_recorded_seq OWNED BY correction_request.recorded_seq;
SELECT setval('correction_request_recorded_seq', coalesce(max(recorded_seq), 0) + 1, false) FROM correction_request;
ALTER TABLE correction_request
    ALTER COLUMN recorded_seq SET DEFAULT nextval('correction_request_recorded_seq'),
    ALTER COLUMN recorded_seq SET NOT NULL;
