-- The day the taxpayer's written request for an extension reached the tax office (Law 38/2019 Art. 46(3)): it must
-- reach it by the regular deadline, so a grant names it and is refused when it came later. Grants recorded before
-- this migration name none. Adding a column fires no row trigger: the table stays append-only.
ALTER TABLE deadline_extension ADD COLUMN requested_on date CHECK (requested_on <= regular_deadline);
