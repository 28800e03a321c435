-- A credit waiting for a payable item that is never booked (a typing error in the item id, an item of another
-- system) is held for an officer too, once etax.payment.ledger.unbooked-item-wait (30 days) has passed since its
-- payment was recorded (docs/adr/0006-taxpayer-ledger.md, "Credits waiting for an item never booked"). Officers
-- may only release one (RELEASE_HELD): there is no item, so no item taxpayer to record. item_id keeps the id the
-- line named; item_mst is null exactly when the item was not booked when the credit was resolved.
ALTER TABLE held_credit_resolution ALTER COLUMN item_mst DROP NOT NULL;
ALTER TABLE held_credit_resolution ADD CONSTRAINT held_credit_resolution_applied_to_a_booked_item
    CHECK (kind = 'RELEASE_HELD' OR item_mst IS NOT NULL);

-- The listing reads the credits that name an item through credit_waiting (V25) and judges each by its recording
-- time (created_at) when its item is not booked: no new index.
