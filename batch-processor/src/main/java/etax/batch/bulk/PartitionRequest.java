package etax.batch.bulk;

/**
 * A partition of a bulk filing job, sent by the job's process to a worker over Kafka: which step execution
 * to run. Everything else (the batch, the part) is in the job repository, shared by both.
 * @param jobExecutionId the job execution the partition belongs to
 * @param stepExecutionId the partition's step execution, created by the job's process
 * @param stepName the step to run it with
 */
record PartitionRequest(long jobExecutionId, long stepExecutionId, String stepName) {

}
