-- V22 indexed obligations by taxpayer alone on the premise that a taxpayer has tens of obligations. One that paid
-- late for years has thousands: an interest item per item and day, settled ones included, and every read of what a
-- taxpayer owes (each payment's allocation, the balance, the payment voucher, the arrears notices) fetched them all
-- to keep the few still owing. Those still owing are indexed now, in the order they are listed (oldest due first),
-- so such a read costs what is owed, and a page of it only that page.
--
-- V22's reason stands: allocation updates outstanding many times over an obligation's life, and an index whose
-- predicate names outstanding would make none of those updates HOT. The predicate is a stored column derived from
-- it instead: PostgreSQL compares the indexed columns' values, so an update that leaves an obligation owing (or
-- settled) changes none of this index's columns and stays HOT; only settling or re-opening one writes an entry.
-- Adding the column rewrites the table once.
ALTER TABLE obligation
    ADD COLUMN owing boolean GENERATED ALWAYS AS (outstanding > 0) STORED;
CREATE INDEX obligation_owing ON obligation (mst, due_date, booking_seq) WHERE owing;
