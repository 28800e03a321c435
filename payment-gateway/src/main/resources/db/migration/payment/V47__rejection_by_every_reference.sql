-- A message refused whole (a camt.054 one of whose entries broke a rule, a message whose reading failed once its
-- bank and reference could be read) is one rejection, which kept the bank and reference of the entry being checked
-- only, or none: the bank's status report answered 404 for its other references for ever. It now keeps the bank and
-- reference of every entry that could be read, as 'bank/reference' (docs/adr/0005-bank-messages.md); NULL for a
-- rejection of one entry, which bank_code and bank_reference hold, and for the rows kept before. One value per entry,
-- so that the report's look-up is served by this index without statistics: with the bank in a column of its own, the
-- plan read every rejection of the bank.
ALTER TABLE rejected_message
    ADD COLUMN entry_keys text[];
CREATE INDEX rejected_message_entry_keys ON rejected_message USING gin (entry_keys)
    WHERE entry_keys IS NOT NULL;
