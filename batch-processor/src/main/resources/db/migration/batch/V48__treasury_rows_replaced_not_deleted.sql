-- A statement's row that a later statement back-values (the same posting, the same value date) is set aside, not
-- deleted: replaced_by names the statement whose row stands in for it. When a corrected statement replaces that
-- statement without the row, the row set aside stands again; deleted, it was lost, and the day's own statement
-- no longer showed a posting it listed (docs/adr/0014-reconciliation.md, "Import").
ALTER TABLE reconciliation.treasury_statement_line ADD COLUMN replaced_by bigint;
