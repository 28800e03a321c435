-- An inspection is the decision that announced it: one row per taxpayer and decision number, so that an officer's
-- retry after a lost answer finds the inspection it recorded (the same announcement again is answered with it) and
-- never stores a second one that could be concluded, and its tax assessed and booked, a second time.
CREATE UNIQUE INDEX tax_inspection_decision ON tax_inspection (mst, decision_number);
