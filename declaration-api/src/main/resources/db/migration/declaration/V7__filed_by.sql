-- Who filed each return (the token subject of the taxpayer, agent or T-VAN): T-VANs and agents see what
-- they filed; officers list by tax office.
ALTER TABLE tax_return ADD COLUMN filed_by text NOT NULL DEFAULT 'before-tokens';
ALTER TABLE tax_return ALTER COLUMN filed_by DROP DEFAULT;
CREATE INDEX tax_return_filed_by ON tax_return (filed_by, received_at);
CREATE INDEX tax_return_tax_office ON tax_return (tax_office_code, received_at);
