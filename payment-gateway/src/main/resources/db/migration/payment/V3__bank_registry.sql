-- The registry of banks that may confirm payments: who they are, the keys their Kafka messages are
-- signed with, and the credentials they call the HTTP intake with. Reference data with effective
-- dates; production loads it from the bank onboarding process, the local run from db/dev/payment.
CREATE TABLE bank (
    bank_code  text PRIMARY KEY CHECK (bank_code ~ '^[0-9]{8}$'),
    name       text NOT NULL,
    valid_from date NOT NULL,
    valid_to   date,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- A bank may hold several keys at once (rotation); the JWS header's kid names the one used.
-- public_key is the X.509 SubjectPublicKeyInfo, base64 (DER), as java.security reads it.
CREATE TABLE bank_key (
    key_id     text        PRIMARY KEY,
    bank_code  text        NOT NULL REFERENCES bank,
    algorithm  text        NOT NULL CHECK (algorithm IN ('RS256', 'ES256')),
    public_key text        NOT NULL,
    valid_from timestamptz NOT NULL,
    valid_to   timestamptz
);
CREATE INDEX bank_key_bank ON bank_key (bank_code);

-- HTTP Basic credentials of banks until OAuth2 arrives; password_hash in Spring Security's
-- {id}hash form ({bcrypt}...).
CREATE TABLE bank_credential (
    username      text    PRIMARY KEY,
    bank_code     text    NOT NULL REFERENCES bank,
    password_hash text    NOT NULL,
    enabled       boolean NOT NULL DEFAULT true
);
