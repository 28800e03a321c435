-- Bulk filing (docs/adr/0013-bulk-filing.md): the returns of a completed batch are personal data that
-- declaration-api keeps as filed; the batch's own copies (each item's content, the upload) go after the
-- retention age, the outcomes stay. A FAILED item keeps its return, to be filed again.
ALTER TABLE bulk_item ALTER COLUMN content DROP NOT NULL;
ALTER TABLE bulk_item ADD CONSTRAINT bulk_item_content_kept_until_decided
    CHECK (content IS NOT NULL OR status NOT IN ('PENDING', 'FAILED'));
