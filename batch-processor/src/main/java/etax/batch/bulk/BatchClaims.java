package etax.batch.bulk;

import java.util.Optional;
import java.util.UUID;

import etax.batch.BatchProcessorProperties;
import etax.batch.jobs.InstanceClaims;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * An officer's restart of a batch's execution left running ({@code POST /api/v1/jobs/executions/{id}:restart}, the
 * console) takes the batch over as the take-over does ({@link BatchRuns}): when its heartbeat is older than
 * {@code resume.lease}, no live process runs it; the claim renews the heartbeat, so no other process takes it too,
 * and the restarted run keeps it ({@link BatchLifecycle}). A fresher heartbeat refuses the restart. A failed or
 * stopped execution is claimed too ({@link ClaimRepository#claimForRestart}): at once when its batch was left
 * {@code FAILED}, which no take-over claims; otherwise only once its heartbeat is older than the lease, as a
 * take-over may have claimed the batch since the run ended and would take the restarted execution, running, for one
 * left by a dead process.
 */
@Component
class BatchClaims implements InstanceClaims {

	/** The heartbeat renewed by the claim is kept by the restarted run, and stops with it. */
	private static final Claim NOTHING_TO_LET_GO = () -> {
	};

	private final ClaimRepository claims;

	private final BatchProcessorProperties.Resume resume;

	BatchClaims(ClaimRepository claims, BatchProcessorProperties properties) {
		this.claims = claims;
		this.resume = properties.bulk().resume();
	}

	@Override
	public String jobName() {
		return BulkFilingJobConfiguration.JOB_NAME;
	}

	@Override
	public Optional<Claim> claim(JobExecution execution) {
		UUID batchId = BulkFilingJobConfiguration.batchId(execution.getJobParameters());
		boolean claimed = execution.isRunning() ? this.claims.claimIfStale(batchId, this.resume.lease())
				: this.claims.claimForRestart(batchId, this.resume.lease());
		return claimed ? Optional.of(NOTHING_TO_LET_GO) : Optional.empty();
	}

}
