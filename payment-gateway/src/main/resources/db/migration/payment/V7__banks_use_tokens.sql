-- Banks authenticate over HTTP with bearer tokens of the identity provider (the claim bank names the
-- bank); the gateway keeps no passwords.
DROP TABLE bank_credential;
