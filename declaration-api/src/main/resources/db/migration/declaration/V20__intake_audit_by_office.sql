-- The intake audit is read back (GET /api/v1/intake-audit, ADR 0012): a filer its own lines, by its token
-- subject; an officer those of its tax office; a national officer all. A line names the taxpayer the refused
-- return named when it could be read that far (mst: a filing refused as NOT_AUTHORIZED), and the tax office that
-- managed the taxpayer the line concerns when it was written (managing_office_code, from the registry, never
-- from what the body says): that taxpayer, or else the calling taxpayer or agent itself (its token's MST). NULL:
-- neither is a registered taxpayer (a T-VAN's unreadable upload), or a line written before this migration, which
-- only national officers and the caller see. Not backfilled: a token subject is not an MST.
ALTER TABLE intake_audit ADD COLUMN mst text, ADD COLUMN managing_office_code text;

-- Each page filters and orders on one index (ADR 0020): a filer's, an office's, all, one content's.
CREATE INDEX IF NOT EXISTS intake_audit_caller ON intake_audit (caller_subject, at, id);
CREATE INDEX IF NOT EXISTS intake_audit_office ON intake_audit (managing_office_code, at, id);
CREATE INDEX IF NOT EXISTS intake_audit_at ON intake_audit (at, id);
CREATE INDEX IF NOT EXISTS intake_audit_content ON intake_audit (content_sha256, at, id);
