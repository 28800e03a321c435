-- The earliest return of a content (Idempotency: the same return sent again finds the one filed) is
-- "WHERE content_sha256 = ? ORDER BY received_at LIMIT 1". With an index on content_sha256 alone the
-- planner may instead walk tax_return_received_at in order and filter every row, hoping for an early
-- match: it does so whenever the table has no statistics yet (a new database, the minute before the first
-- autoanalyze, a restore or an upgrade that dropped them), and then every new return, whose content is
-- found nowhere, reads the whole table. An index that both filters and orders leaves no such plan.
CREATE INDEX IF NOT EXISTS tax_return_content_received ON tax_return (content_sha256, received_at);
DROP INDEX IF EXISTS tax_return_content;
