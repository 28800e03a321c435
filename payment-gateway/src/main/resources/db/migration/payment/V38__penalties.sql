-- Fines (administrative penalties, sub-item 4254) decided by officers: obligations of a kind of their own, booked from
-- declaration-api's PenaltyImposed. No late-payment interest runs on them (interest_basis_v1 reads kind 'TAX'), and
-- money no payment line names reaches them last (allocation_order: PENALTY). A month's arrears notice totals them
-- apart; notices issued before count none.
ALTER TABLE obligation DROP CONSTRAINT obligation_kind_check;
ALTER TABLE obligation ADD CONSTRAINT obligation_kind_check CHECK (kind IN ('TAX', 'INTEREST', 'PENALTY'));

ALTER TABLE arrears_notice ADD COLUMN total_penalty numeric(18,0) NOT NULL DEFAULT 0;
