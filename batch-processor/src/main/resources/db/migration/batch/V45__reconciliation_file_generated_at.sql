-- When the sender generated a daily file (a bank's NGAY_GDICH_DC, Asia/Ho_Chi_Minh): a file older than the
-- one in force for its days is refused, whatever order the files arrive in (docs/adr/0014, "Import").
-- Files imported before, and files that do not say, have none and are ordered by their arrival, as before.
ALTER TABLE reconciliation.imported_file ADD COLUMN generated_at timestamptz;
