-- Who filed, in full: a return kept the token subject of its filer (filed_by, V7) but not what the caller
-- was, so an officer could not tell a taxpayer's own filing from an agent's or a T-VAN's for it. The role
-- is kept beside the subject; returns filed before this migration have none (unknown). Input refused
-- before it became a return (not authorized, malformed, not schema-valid, too large) is recorded in
-- intake_audit, now with the caller's subject and role too. Never a token, nor any secret.
ALTER TABLE tax_return ADD COLUMN filed_by_role text;
ALTER TABLE intake_audit ADD COLUMN caller_subject text, ADD COLUMN caller_role text;
