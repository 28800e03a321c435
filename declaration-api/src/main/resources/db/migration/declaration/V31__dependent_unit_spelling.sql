-- A chain key (ADR 0010) ends with the dependent unit, by its MST [10] where the form has one. A unit's MST written
-- without its hyphen (13 digits, VN-ETAX.md §3.2) named another chain than the same MST with it, so a second original
-- for the same unit was accepted. ReturnChains.unitOf now writes both as NNNNNNNNNN-NNN (…000: the head office itself);
-- existing returns are re-keyed the same way.
UPDATE tax_return
SET chain_key = regexp_replace(chain_key, '\|([0-9]{10})000$', '|\1')
WHERE chain_key ~ '\|[0-9]{10}000$';

UPDATE tax_return
SET chain_key = regexp_replace(chain_key, '\|([0-9]{10})([0-9]{3})$', '|\1-\2')
WHERE chain_key ~ '\|[0-9]{13}$';
