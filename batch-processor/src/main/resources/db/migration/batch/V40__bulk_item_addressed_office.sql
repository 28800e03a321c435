-- Bulk filing (docs/adr/0013-bulk-filing.md): the tax office each return is addressed to (its maCQTNoiNop),
-- read when the batch is stored, before declaration-api has answered. An office officer may cancel a
-- batch only when every item still to be filed is addressed to its office; an item whose address could
-- not be read, or stored before this column, is no office's (a national officer or the filer cancels it).
ALTER TABLE bulk_item ADD COLUMN addressed_office_code text;
