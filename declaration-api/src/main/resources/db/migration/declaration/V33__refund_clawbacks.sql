-- The refund a supplementary return's summary pays back (01/KHBS section B: [14], the budget sub-item it was paid
-- from and the day it was received, VN-ETAX.md §5.6), kept with the return as its indicators are. [14] is the whole
-- of that refund to pay back: an accepted supplement's clawback is a payable item of what it adds to the most the
-- chain's earlier returns declared for the same refund (sub-item and day), so a later supplement that repeats it
-- charges nothing again (PayableItems). Returns stored before have none.
ALTER TABLE tax_return
    ADD COLUMN clawback_amount      bigint,
    ADD COLUMN clawback_sub_item    text,
    ADD COLUMN clawback_received_on date;

-- NOT VALID: no scan of the whole table under the exclusive lock; existing rows are all NULL, new rows are checked.
ALTER TABLE tax_return
    ADD CONSTRAINT tax_return_clawback_amount_positive CHECK (clawback_amount > 0) NOT VALID;
