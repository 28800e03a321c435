-- A filing that queued a notice for a webhook while the webhook was being removed could leave a pending delivery the
-- removal did not see, which took a place of every claim for ever; the claims now cancel such deliveries when they
-- fall due. Those left before are cancelled here, as the removal would have.
UPDATE webhook_delivery d SET status = 'CANCELLED', last_error = 'Not sent: the webhook was removed'
FROM webhook w
WHERE w.id = d.webhook_id AND w.removed_at IS NOT NULL AND d.status = 'PENDING';
