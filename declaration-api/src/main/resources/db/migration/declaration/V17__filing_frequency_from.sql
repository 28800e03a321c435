-- A taxpayer's filing frequency (monthly or quarterly, rule CTX-PER-03) with the date it applies from. The
-- registry kept one frequency, updated in place: a business that switched from monthly to quarterly from
-- 2026 then had its 2025 monthly returns refused. By law (VN-ETAX §3.4 R-PER-2, form 01/ĐK-TĐKTT) a switch
-- applies from the first period of a calendar year, so each change starts on 1 January. Changes are
-- appended, never updated: the frequency in force for a period is that of the latest change on or before
-- the period's first day, else taxpayer.filing_frequency, which keeps its meaning for the rows already
-- there: the frequency in force since ever. A registration never updates that column in place any more.
CREATE TABLE filing_frequency_change (
    mst            text        NOT NULL REFERENCES taxpayer (mst),
    effective_from date        NOT NULL CHECK (extract(month FROM effective_from) = 1
                                               AND extract(day FROM effective_from) = 1),
    frequency      char(1)     NOT NULL CHECK (frequency IN ('M', 'Q')),
    registered_at  timestamptz NOT NULL,
    PRIMARY KEY (mst, effective_from)
);

COMMENT ON COLUMN taxpayer.filing_frequency IS
    'The filing frequency in force since ever: before the first row of filing_frequency_change, if any';
