-- An inspection is the decision that announced it: one per taxpayer and decision number, so that an officer's retry
-- after a lost answer finds the inspection it recorded (the same announcement again is answered with it) and never
-- stores a second one that could be concluded, and its tax assessed and booked, a second time.
--
-- Until now a retry stored a second row. The table keeps every row (append-only, and a conclusion may name either),
-- so such a row stays, marked as a repeat of the first one recorded under its decision; the uniqueness holds for the
-- rest. The append-only trigger is set aside for this one marking only.
ALTER TABLE tax_inspection ADD COLUMN repeat_of uuid REFERENCES tax_inspection (id);

ALTER TABLE tax_inspection DISABLE TRIGGER tax_inspection_append_only;
UPDATE tax_inspection i SET repeat_of = f.id
FROM (SELECT DISTINCT ON (mst, decision_number) id, mst, decision_number
      FROM tax_inspection ORDER BY mst, decision_number, recorded_at, id) f
WHERE i.mst = f.mst AND i.decision_number = f.decision_number AND i.id <> f.id;
ALTER TABLE tax_inspection ENABLE TRIGGER tax_inspection_append_only;

CREATE UNIQUE INDEX tax_inspection_decision ON tax_inspection (mst, decision_number) WHERE repeat_of IS NULL;
