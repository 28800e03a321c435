-- A chain lists its latest 100 returns not accepted (GET /api/v1/returns/{id}/chain): read newest first from this
-- index, in the order decided (the transaction code's sequence), so a chain that anybody filled with refused returns
-- costs the page listed, not every one of them.
CREATE INDEX tax_return_chain_decided ON tax_return (chain_key, status, right(transaction_code, 10));
