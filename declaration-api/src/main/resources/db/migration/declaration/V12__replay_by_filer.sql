-- Content replay (Idempotency.FIND_EARLIER) answers a return sent again without a key with the receipt of
-- the same filer's earlier ACCEPTED return of that content, and nothing else: another filer's return, or
-- a return that was not accepted (wrongly signed, say), is no answer to a new filing, which is decided on
-- its merits (ADR 0010). The index filters on all three and orders by receipt, so the look-up reads one
-- entry whatever the statistics say (ADR 0020); returns that were not accepted, which a filer may send
-- again and again, are not in it. It replaces the index on (content_sha256, received_at) of V10.
CREATE INDEX IF NOT EXISTS tax_return_accepted_content ON tax_return (content_sha256, filed_by, received_at)
    WHERE status = 'ACCEPTED';
DROP INDEX IF EXISTS tax_return_content_received;
