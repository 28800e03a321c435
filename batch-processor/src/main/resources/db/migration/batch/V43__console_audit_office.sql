-- The officers' console records the tax office of the officer who acted (the token's tax_office claim),
-- so that an office officer's audit page lists only its office's actions: targets and details name
-- taxpayers, refund accounts and amounts. Null for a national officer and a refused sign-in, whose rows
-- only national officers see (docs/adr/0015-officers-console.md).
ALTER TABLE batch.console_audit ADD COLUMN tax_office text;

-- Older rows: the office is known only where the action proves it. An office officer acts only on the work
-- items of its office (any other is not found, and refused), so a work item action that was done was done by
-- an officer of the item's office, unless the item has since moved to another office. The rest stays null:
-- seen by national officers only.
UPDATE batch.console_audit a SET tax_office = w.tax_office
FROM reconciliation.work_item w
WHERE a.role = 'OFFICER' AND a.outcome = 'OK' AND a.target = 'work-item ' || w.work_item_id
    AND w.tax_office IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM reconciliation.work_item_event e
                    WHERE e.work_item_id = w.work_item_id AND e.action = 'MOVED');

-- an office officer's audit page: its office's rows, newest first
CREATE INDEX console_audit_office ON batch.console_audit (tax_office, at DESC, id DESC);
