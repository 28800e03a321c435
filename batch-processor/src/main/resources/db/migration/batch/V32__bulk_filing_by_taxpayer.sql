-- Bulk filing (docs/adr/0013-bulk-filing.md).
--
-- A batch is filed in partitions by taxpayer: part is the partition of an item, fixed when the batch is
-- stored from the MST its return names, so that one taxpayer's returns are filed one after the other in
-- item order (an original before its supplement), whatever the partitions configured later.
ALTER TABLE bulk_item ADD COLUMN part smallint NOT NULL DEFAULT 0 CHECK (part >= 0);
DROP INDEX bulk_item_pending;
CREATE INDEX bulk_item_pending ON bulk_item (batch_id, part, item_no) WHERE status = 'PENDING';

-- The items' outcomes counted with the batch, in the transaction that records them: reading a batch costs
-- the same whatever its size, for the filer polling it and for the officers' console listing batches.
-- Pending is the rest of item_count.
ALTER TABLE bulk_batch
    ADD COLUMN accepted     integer NOT NULL DEFAULT 0 CHECK (accepted >= 0),
    ADD COLUMN not_accepted integer NOT NULL DEFAULT 0 CHECK (not_accepted >= 0),
    ADD COLUMN not_received integer NOT NULL DEFAULT 0 CHECK (not_received >= 0),
    ADD COLUMN failed       integer NOT NULL DEFAULT 0 CHECK (failed >= 0);

UPDATE bulk_batch b SET
    accepted     = c.accepted,
    not_accepted = c.not_accepted,
    not_received = c.not_received,
    failed       = c.failed
FROM (SELECT batch_id,
             count(*) FILTER (WHERE status = 'ACCEPTED')     AS accepted,
             count(*) FILTER (WHERE status = 'NOT_ACCEPTED') AS not_accepted,
             count(*) FILTER (WHERE status = 'NOT_RECEIVED') AS not_received,
             count(*) FILTER (WHERE status = 'FAILED')       AS failed
      FROM bulk_item GROUP BY batch_id) c
WHERE c.batch_id = b.id;
