-- The tax office that manages the taxpayer, as registered when the return was filed (NULL: no registered
-- taxpayer, or filed before this column). Officers see a return filed with their office (tax_office_code,
-- maCQTNoiNop as the filer wrote it) or of a taxpayer their office manages: what a filer writes in the return
-- must not hide it from the managing office (VN-ETAX.md R-ID-3, ReturnScope). Returns filed before are not
-- backfilled: their managing office is not known for the day they were filed.
ALTER TABLE tax_return ADD COLUMN managing_office_code text;
CREATE INDEX IF NOT EXISTS tax_return_managing_office ON tax_return (managing_office_code, received_at);
