-- payment.bank_keys_v1: the gateway's published, read-only view of the keys banks registered
-- (docs/adr/0005-bank-messages.md), so that batch-processor verifies the signature of a bank's daily
-- reconciliation file by the same registry as the gateway verifies its messages
-- (docs/adr/0014-reconciliation.md). A contract like an event: batch-processor reads it, never the
-- tables; a change that breaks a reader is a new view (_v2) beside this one.
--   key_id       the JWS header's kid
--   bank_code    the bank that registered the key: a file signed with it must be that bank's
--   algorithm    RS256 or ES256, the only one the key signs with
--   public_key   X.509 SubjectPublicKeyInfo, base64 (DER)
--   valid_from, valid_to   when the key may sign ([valid_from, valid_to), valid_to null: open)
-- Public keys only: nothing here is secret.
CREATE VIEW bank_keys_v1 AS
SELECT key_id, bank_code, algorithm, public_key, valid_from, valid_to
FROM bank_key;

COMMENT ON VIEW bank_keys_v1 IS
    'Published contract of payment-gateway, read by batch-processor (docs/adr/0014-reconciliation.md)';

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'etax_batch') THEN
        GRANT USAGE ON SCHEMA payment TO etax_batch;
        GRANT SELECT ON bank_keys_v1 TO etax_batch;
    END IF;
END $$;
