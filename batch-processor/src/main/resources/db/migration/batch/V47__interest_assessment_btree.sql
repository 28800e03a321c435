-- A day's assessments are found by a btree, not a block range index (V35): once retention deletes a day, the
-- next days' rows fill the freed pages, each range comes to span the 90 days kept, and the publication and the
-- retention would read the whole table for one day. Equal keys are deduplicated, so the index stays small and an
-- insert costs little (docs/adr/0011-interest-assessment.md).
DROP INDEX batch.interest_assessment_day;
CREATE INDEX interest_assessment_day ON batch.interest_assessment (assessed_for);
