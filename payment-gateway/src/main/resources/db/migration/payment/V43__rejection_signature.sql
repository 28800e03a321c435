-- A message signed with a key its bank registered in a form the gateway cannot read was kept with that key's bank
-- as its signer, though nothing had verified the signature: a re-drive then recorded it as that bank's, whoever
-- sent it. Such a rejection now names no signer and keeps the record's signature (the detached JWS of its
-- etax.signature header): the re-drive verifies it with the key as corrected, and only a bank's key that verifies
-- it makes that bank the sender (docs/adr/0005-bank-messages.md).
ALTER TABLE rejected_message
    ADD COLUMN signature text;

-- Those kept the old way have no signature to verify: they name no signer any more, and the bank sends them again.
UPDATE rejected_message
SET signer_bank_code = NULL
WHERE reason = 'unreadable' AND bank_code IS NULL AND redriven_at IS NULL AND signer_bank_code IS NOT NULL
    AND detail LIKE 'the key the message is signed with is registered in a form this gateway cannot read%';
