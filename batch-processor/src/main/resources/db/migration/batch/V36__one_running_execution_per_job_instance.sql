-- Job instances and executions are created under READ COMMITTED (application.yml, docs/adr/0004), not
-- SERIALIZABLE: concurrent launches of different instances no longer fail each other. Two launches of the
-- same new instance meet at JOB_INST_UN; two restarts of the same instance meet here: an instance has at
-- most one execution that is starting, started or stopping (Spring Batch's own rule, which it checks
-- before creating an execution, in another transaction). The loser gets a unique violation and its
-- launch is tried again, then answered as running.
CREATE UNIQUE INDEX BATCH_JOB_EXECUTION_ONE_RUNNING_IDX ON batch.BATCH_JOB_EXECUTION (JOB_INSTANCE_ID)
    WHERE STATUS IN ('STARTING', 'STARTED', 'STOPPING');
