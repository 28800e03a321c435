-- Allocation updates an obligation's outstanding amount, often many times over the obligation's life.
-- With outstanding in an index's predicate (obligation_open: WHERE outstanding > 0) no such update could
-- be a HOT update: each one wrote a new entry into every index of the table. Indexed by taxpayer alone,
-- the open items of a taxpayer are still one index scan away (a taxpayer has tens of obligations, not
-- thousands), and an update that changes only outstanding stays on its heap page, which keeps room for
-- it (fillfactor, for pages written from now on).
DROP INDEX obligation_open;
CREATE INDEX obligation_taxpayer ON obligation (mst);
ALTER TABLE obligation SET (fillfactor = 80);
