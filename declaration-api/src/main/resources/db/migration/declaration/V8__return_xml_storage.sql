-- A return's XML is kept byte for byte, and most of a signed return (its signature and certificate) does
-- not compress: pglz, PostgreSQL's default, saved about 40 % of a 6.7 KB return and cost more than the
-- rest of the row's insert. lz4 where the server is built with it (fast, and still about as small);
-- otherwise stored uncompressed, out of line. Values already stored keep their compression.
DO $$
BEGIN
    ALTER TABLE tax_return ALTER COLUMN xml SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    ALTER TABLE tax_return ALTER COLUMN xml SET STORAGE EXTERNAL;
END $$;
