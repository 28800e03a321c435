-- Each item of a bulk filing is a signed return kept byte for byte until it is filed: compressed with lz4
-- where the server is built with it, otherwise stored uncompressed, out of line (pglz, the default, cost
-- more than it saved on signed returns; declaration-api's V8 does the same for tax_return.xml).
DO $$
BEGIN
    ALTER TABLE bulk_item ALTER COLUMN content SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    ALTER TABLE bulk_item ALTER COLUMN content SET STORAGE EXTERNAL;
END $$;
