-- Extensions of a filing deadline (VN-ETAX.md §3.5 R-DL-6, Law 38/2019 Art. 46; ADR 0021, addendum): an officer
-- of the taxpayer's tax office, or a national officer, grants a taxpayer a later deadline for one form
-- (maTKhai) and period, for a reason of the closed list of Art. 46(1) (etax.declaration.extension.ExtensionReason),
-- at most 30 days after the regular deadline (60 for an annual finalization). A return of that form and period
-- is held to the new deadline, and its payable items are due then, when the extension is in force at its
-- postmark: granted at or before it, and not revoked at or before it.
--
-- Append-only, like the ledger's lines: a grant is never changed nor deleted, a revocation is a row of its own
-- (one per grant), so that what was in force at any postmark can be told afterwards. Who granted and who revoked
-- is the officer's token subject, never the token.
CREATE TABLE deadline_extension (
    id               uuid        PRIMARY KEY,
    mst              text        NOT NULL REFERENCES taxpayer (mst),
    ma_tkhai         text        NOT NULL,
    form_code        text        NOT NULL,
    period_kind      char(1)     NOT NULL CHECK (period_kind IN ('M', 'Q', 'Y', 'D', 'K', 'N')),
    -- kyKKhai as a return writes it (M, Q, Y, D), or dd/MM/yyyy-dd/MM/yyyy for a free range (K, N): the period
    -- of a return's chain key
    period           text        NOT NULL,
    reason           text        NOT NULL,
    regular_deadline date        NOT NULL,
    deadline         date        NOT NULL CHECK (deadline > regular_deadline),
    granted_by       text        NOT NULL,
    granted_at       timestamptz NOT NULL
);
-- the look-up of every filing: the extensions of one taxpayer's form and period
CREATE INDEX deadline_extension_obligation ON deadline_extension (mst, ma_tkhai, period_kind, period);

CREATE TABLE deadline_extension_revocation (
    extension_id uuid        PRIMARY KEY REFERENCES deadline_extension (id),
    revoked_by   text        NOT NULL,
    revoked_at   timestamptz NOT NULL
);

CREATE FUNCTION deadline_extension_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'deadline extensions are append-only: revoke a grant with a revocation row instead';
END $$;
CREATE TRIGGER deadline_extension_append_only BEFORE UPDATE OR DELETE ON deadline_extension
    FOR EACH ROW EXECUTE FUNCTION deadline_extension_append_only();
CREATE TRIGGER deadline_extension_revocation_append_only BEFORE UPDATE OR DELETE ON deadline_extension_revocation
    FOR EACH ROW EXECUTE FUNCTION deadline_extension_append_only();
