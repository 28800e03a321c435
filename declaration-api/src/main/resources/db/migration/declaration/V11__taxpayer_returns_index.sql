-- A taxpayer's returns, newest first, a page at a time (GET /api/v1/returns as a taxpayer): a head office
-- sees its branches' returns too, so the scope is the head office's MST, split_part(mst, '-', 1). Without an
-- index on it in the page's order, the page walked tax_return_received_at from the newest return on and
-- filtered every row until it had found the taxpayer's twenty.
CREATE INDEX IF NOT EXISTS tax_return_head_office ON tax_return (split_part(mst, '-', 1), received_at DESC, id);
