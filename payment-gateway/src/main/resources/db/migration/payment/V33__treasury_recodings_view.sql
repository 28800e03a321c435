-- payment.treasury_recodings_v1: the gateway's published, read-only view of the re-codings it asked the
-- treasury for (PostingRequested version 2, direction RECODING; docs/adr/0007-treasury-acks.md, addendum),
-- so that batch-processor's reconciliation of voucher lines (docs/adr/0014-reconciliation.md) knows the
-- treasury postings that are no voucher line of any bank. A contract like an event: batch-processor reads it,
-- never the tables; a change that breaks a reader is a new view (_v2) beside this one.
--   posting_id     the re-coding's posting id, as the treasury acks it and lists it on its statement
--   recoding_of    the posting id of the payment line the money was paid with
--   treasury_code  the treasury holding the money
--   from_sub_item, sub_item   the sub-item the money leaves and the one it goes to
--   amount_vnd     whole VND
--   payment_date   the day the money counts from on the sub-item it goes to
--   requested_at   when the gateway asked for it
--   status         REQUESTED, POSTED or REFUSED, as the treasury answered
-- The reader looks up each posting of a day's treasury statement here: the re-codings are few beside the
-- postings of voucher lines, so it reads them from this index rather than scanning every posting.
CREATE INDEX treasury_posting_recoding ON treasury_posting (posting_id) WHERE direction = 'RECODING';

CREATE VIEW treasury_recodings_v1 AS
SELECT posting_id, recoding_of, treasury_code, from_sub_item, sub_item, amount_vnd, payment_date, requested_at, status
FROM treasury_posting
WHERE direction = 'RECODING';

COMMENT ON VIEW treasury_recodings_v1 IS
    'Published contract of payment-gateway, read by batch-processor (docs/adr/0014-reconciliation.md)';

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'etax_batch') THEN
        GRANT USAGE ON SCHEMA payment TO etax_batch;
        GRANT SELECT ON treasury_recodings_v1 TO etax_batch;
    END IF;
END $$;
