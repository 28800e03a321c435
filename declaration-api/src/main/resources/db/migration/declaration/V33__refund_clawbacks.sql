-- The refund a supplementary return's summary pays back (01/KHBS section B: [14], the budget sub-item it was paid
-- from and the day it was received, VN-ETAX.md §5.6), kept with the return as its indicators are. An accepted
-- supplement's clawback is a payable item of what it adds to the chain's clawback of the same refund (sub-item and
-- day): a later supplement that repeats it charges nothing again (PayableItems). Returns stored before have none.
ALTER TABLE tax_return
    ADD COLUMN clawback_amount      bigint CHECK (clawback_amount > 0),
    ADD COLUMN clawback_sub_item    text,
    ADD COLUMN clawback_received_on date;
