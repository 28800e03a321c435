-- The retention job (metadataRetentionJob) looks executions up by when they ended.
CREATE INDEX BATCH_JOB_EXECUTION_END_TIME_IDX ON batch.BATCH_JOB_EXECUTION (END_TIME);
