-- A serial number names a certificate only within its issuer (RFC 5280 §4.1.2.2): two licensed CAs may each issue
-- serial 1A. A certificate is registered under its issuer and serial; issuer_key is the issuer's canonical form
-- (X500Principal.CANONICAL), so one issuer written two ways is one issuer. Certificates registered before carry no
-- issuer (the empty name) and keep their serials to themselves among those.
ALTER TABLE certificate ADD COLUMN issuer text NOT NULL DEFAULT '', ADD COLUMN issuer_key text NOT NULL DEFAULT '';
ALTER TABLE certificate ALTER COLUMN issuer DROP DEFAULT, ALTER COLUMN issuer_key DROP DEFAULT;
ALTER TABLE certificate DROP CONSTRAINT certificate_pkey, ADD PRIMARY KEY (issuer_key, serial_number);
