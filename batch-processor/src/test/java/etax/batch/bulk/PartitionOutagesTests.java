package etax.batch.bulk;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionOutagesTests {

	private static final JobExecutionException SUMMARY = new JobExecutionException(
			"Partition handler returned an unsuccessful step");

	@Test
	void aPartitionFailedForAnOutageMarksItselfAndOneFailedForAnythingElseDoesNot() {
		JobExecution run = run();
		StepExecution outage = partition(run, 1, BatchStatus.FAILED);
		outage.addFailureException(DeclarationApiException.outage("declaration-api unavailable after 3 attempts"));
		StepExecution refused = partition(run, 2, BatchStatus.FAILED);
		refused.addFailureException(new DeclarationApiException("declaration-api refused the request: HTTP 401"));

		new PartitionOutages().afterStep(outage);
		new PartitionOutages().afterStep(refused);

		assertThat(outage.getExecutionContext().containsKey(PartitionOutages.OUTAGE)).isTrue();
		assertThat(refused.getExecutionContext().containsKey(PartitionOutages.OUTAGE)).isFalse();
	}

	@Test
	void aRestartedPartitionThatFailsForAnythingElseLosesTheMarkOfTheRunBefore() {
		StepExecution restarted = partition(run(), 1, BatchStatus.FAILED);
		restarted.getExecutionContext().put(PartitionOutages.OUTAGE, true);
		restarted.addFailureException(new DeclarationApiException("declaration-api refused the request: HTTP 401"));

		new PartitionOutages().afterStep(restarted);

		assertThat(restarted.getExecutionContext().containsKey(PartitionOutages.OUTAGE)).isFalse();
	}

	@Test
	void aRunWhosePartitionsFailedForOutagesIsOneThoughItsManagerFailedWithTheirSummary() {
		JobExecution run = run();
		manager(run).addFailureException(SUMMARY);
		JobExecution stored = run();
		partition(stored, 1, BatchStatus.COMPLETED);
		partition(stored, 2, BatchStatus.FAILED).getExecutionContext().put(PartitionOutages.OUTAGE, true);

		assertThat(PartitionOutages.only(run, stored)).isTrue();

		partition(stored, 3, BatchStatus.FAILED);
		assertThat(PartitionOutages.only(run, stored)).as("a partition failed for something else").isFalse();
	}

	@Test
	void theManagersOwnFailuresAreJudgedAsTheyAre() {
		JobExecution outage = run();
		manager(outage).addFailureException(new IllegalStateException("partitions",
				DeclarationApiException.outage("declaration-api unavailable")));
		assertThat(PartitionOutages.only(outage, run())).isTrue();

		JobExecution summaryAlone = run();
		manager(summaryAlone).addFailureException(SUMMARY);
		assertThat(PartitionOutages.only(summaryAlone, run())).as("no partition failed: the summary is not one")
			.isFalse();

		assertThat(PartitionOutages.only(run(), run())).as("nothing failed").isFalse();
	}

	private static JobExecution run() {
		return new JobExecution(7, new JobInstance(3, "bulkFilingJob"), new JobParameters());
	}

	private static StepExecution manager(JobExecution run) {
		StepExecution step = new StepExecution(1, "bulkFilingStep", run);
		step.setStatus(BatchStatus.FAILED);
		run.addStepExecution(step);
		return step;
	}

	private static StepExecution partition(JobExecution run, int part, BatchStatus status) {
		StepExecution step = new StepExecution(10 + part, BulkFilingJobConfiguration.WORKER_STEP + ":part" + part, run);
		step.setStatus(status);
		run.addStepExecution(step);
		return step;
	}

}
