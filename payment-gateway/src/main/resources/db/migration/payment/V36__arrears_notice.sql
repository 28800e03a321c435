-- Notices of tax arrears and late-payment interest (07/QLN; VN-ETAX §5.6; docs/adr/0006-taxpayer-ledger.md, addendum
-- "Arrears notices"): once a month, to each taxpayer with an item overdue and unpaid at the month's end or interest
-- unpaid, what it owes, item by item, as the ledger stood when the notice was issued. Once per taxpayer and month;
-- never updated.
CREATE TABLE arrears_notice (
    notice_id      uuid          PRIMARY KEY,
    mst            text          NOT NULL,
    month          text          NOT NULL CHECK (month ~ '^\d{4}-\d{2}$'),
    as_of          date          NOT NULL,
    issued_at      timestamptz   NOT NULL,
    items          jsonb         NOT NULL,
    total_tax      numeric(18,0) NOT NULL,
    total_interest numeric(18,0) NOT NULL,
    UNIQUE (mst, month)
);

CREATE FUNCTION arrears_notice_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'an arrears notice is immutable: the next month''s notice says what changed';
END $$;
CREATE TRIGGER arrears_notice_immutable BEFORE UPDATE OR DELETE ON arrears_notice
    FOR EACH ROW EXECUTE FUNCTION arrears_notice_immutable();
