-- Officers' lists of what waits for them: credits whose payment line named another taxpayer's payable item
-- (docs/adr/0006-taxpayer-ledger.md) and postings the treasury refused (docs/adr/0007-treasury-acks.md).

-- The credits with something left that name a payable item, in the order they were booked: a taxpayer's
-- balance lists them as waiting credits, and GET /api/v1/credits/held those whose item is another
-- taxpayer's, oldest first.
CREATE INDEX credit_waiting ON credit (created_seq) WHERE named_item_id IS NOT NULL AND remaining > 0;

-- GET /api/v1/treasury/postings/refused, oldest refusal first.
CREATE INDEX treasury_posting_refused ON treasury_posting (acked_at, posting_id) WHERE status = 'REFUSED';

-- Until V25 a payment line naming another taxpayer's item was allocated as if it named nothing: to the
-- payer's open items of its sub-item, the rest a general credit of the payer, offset against the payer's next
-- item. What is left of such a credit now names the item again and waits for an officer like a credit booked
-- since. What was applied to the payer's items before stays applied (ledger lines are never changed): the
-- officer sees the credit's amount and what is left of it.
UPDATE credit c SET named_item_id = l.payable_item_id
FROM confirmation_line l, obligation o
WHERE c.named_item_id IS NULL AND c.remaining > 0
    AND l.posting_id = c.posting_id AND o.item_id = l.payable_item_id AND o.mst <> c.mst
    -- the line's own credit, not one a reduction later made of what the line paid (OVERPAYMENT_CREDITED)
    AND EXISTS (SELECT 1 FROM ledger_line p WHERE p.credit_id = c.credit_id AND p.entry_type = 'PAYMENT_CREDITED');
