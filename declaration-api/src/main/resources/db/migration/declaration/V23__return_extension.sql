-- The extension a return was held to (V22): its grant, reason and the deadline it gave, moved past weekends and
-- holidays, as the receipt and the acceptance notice say. NULL: no extension in force covered the return at its
-- postmark (or it was filed before this column). The deadline is kept with the return because the calendar
-- behind it may still change (ADR 0021); the grant itself never does.
ALTER TABLE tax_return ADD COLUMN extension_id uuid REFERENCES deadline_extension (id),
    ADD COLUMN extension_reason text, ADD COLUMN extension_deadline date;
