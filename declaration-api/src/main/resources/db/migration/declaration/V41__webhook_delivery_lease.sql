-- A claimed delivery's lease, apart from when it is due: a webhook's pause moves its pending deliveries to the pause's
-- end and its first answer makes them due at once, and neither may touch one in flight, which would then be claimed
-- and sent a second time while the first request is still open.
ALTER TABLE webhook_delivery ADD COLUMN leased_until timestamptz;
