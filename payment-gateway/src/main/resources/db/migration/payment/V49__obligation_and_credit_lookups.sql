-- Look-ups that read a taxpayer's every obligation, or the whole credit table, to keep a few rows:
-- * a taxpayer's tax obligations a reduction could still take off (ObligationRepository.reducible, on every unnamed
--   quarterly CIT line and every reduction booked): by obligation_taxpayer they fetched every obligation of the
--   taxpayer, the thousands of daily interest items of one in arrears for years and every settled item included.
--   The predicate names reduced, which only a reduction changes: allocation's updates of outstanding stay HOT (V22).
-- * whether a taxpayer has an obligation of an office (LedgerViews.hasObligationOf, on an officer's every read of a
--   taxpayer): the office beside the taxpayer, which an allocation never changes; it serves obligation_taxpayer's
--   reads too, which it replaces.
-- * a held credit by its payment line (HeldCreditRepository, at a resolution's proposal and approval): no index
--   named the credit's posting, so each was a scan of every credit.
CREATE INDEX obligation_reducible ON obligation (mst) WHERE kind = 'TAX' AND amount > reduced;
CREATE INDEX obligation_taxpayer_office ON obligation (mst, tax_office_code);
DROP INDEX obligation_taxpayer;
CREATE INDEX credit_posting ON credit (posting_id);
