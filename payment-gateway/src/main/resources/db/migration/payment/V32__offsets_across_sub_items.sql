-- Overpayments offset across sub-items (docs/adr/0006-taxpayer-ledger.md and 0007-treasury-acks.md, addenda):
-- what is left of a taxpayer's general credit after the offset within its sub-item pays the taxpayer's due
-- items of other sub-items, and the treasury is asked to re-code each such move (PostingRequested version 2,
-- direction RECODING). A re-coding is kept with the postings: its voucher line is the payment line the money
-- was paid with, sub_item the sub-item the money goes to, from_sub_item the one it leaves, recoding_of the
-- posting of the payment line. Payments and reversals have neither.
ALTER TABLE treasury_posting
    DROP CONSTRAINT treasury_posting_direction_check,
    ADD CONSTRAINT treasury_posting_direction_check CHECK (direction IN ('PAYMENT', 'REVERSAL', 'RECODING')),
    ADD COLUMN from_sub_item text,
    ADD COLUMN recoding_of   uuid,
    ADD CONSTRAINT treasury_posting_recoding CHECK (
        (direction = 'RECODING') = (from_sub_item IS NOT NULL AND recoding_of IS NOT NULL));

-- The daily offset of what fell due (DueOffsets) looks for the taxpayers with a general credit left.
CREATE INDEX credit_general_open ON credit (mst) WHERE remaining > 0 AND named_item_id IS NULL;
