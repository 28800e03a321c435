-- A chain key (ADR 0010) ends with the dependent unit [10] of 01/GTGT (842) and 05/GTGT (850). Until now the taxpayer's
-- own MST written in [10] (0313829148, or 0313829148-000, the head office) named a chain of its own beside the one of
-- an empty [10], so a second original of the same period was accepted. DependentUnit.keyPart now keys both as the
-- taxpayer itself, an empty unit; the returns stored with such a unit are re-keyed the same way, so that a
-- supplement written like its original still finds it. The chains of every other unit keep their keys.
UPDATE tax_return
SET chain_key = regexp_replace(chain_key, '\|[^|]*$', '|')
WHERE ma_tkhai IN ('842', '850')
  AND (right(chain_key, length(mst) + 1) = '|' || mst OR right(chain_key, length(mst) + 5) = '|' || mst || '-000');

-- CTX-DUP-15 (ADR 0010) reads, in the filing transaction, the accepted originals of a taxpayer's date-range form
-- declared as K, N or Y (DateRanges.ACCEPTED_ORIGINALS): an index that filters on all of it, so that the plan reads
-- the taxpayer's few rows whatever the statistics say (ADR 0020); without it, and before tax_return's first
-- ANALYZE, the plan read every accepted return through tax_return_accepted_content.
CREATE INDEX IF NOT EXISTS tax_return_accepted_originals ON tax_return (mst, form_code)
    WHERE status = 'ACCEPTED' AND filing_type = 'C' AND period_kind IN ('K', 'N', 'Y');
