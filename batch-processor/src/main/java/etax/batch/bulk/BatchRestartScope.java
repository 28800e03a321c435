package etax.batch.bulk;

import java.util.UUID;

import etax.access.Caller;
import etax.access.Role;
import etax.batch.jobs.RestartScope;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.stereotype.Component;

/**
 * An office officer restarts the job of a batch it sees (one with an item addressed to its office) only while every
 * item still to be filed is addressed to its office, as it may cancel the batch ({@link BulkFilings#cancel}); a
 * national officer restarts any.
 */
@Component
class BatchRestartScope implements RestartScope {

	private final BatchRepository batches;

	private final ItemRepository items;

	BatchRestartScope(BatchRepository batches, ItemRepository items) {
		this.batches = batches;
		this.items = items;
	}

	@Override
	public String jobName() {
		return BulkFilingJobConfiguration.JOB_NAME;
	}

	@Override
	public void check(JobParameters parameters, Caller caller) {
		if (caller.role() != Role.OFFICER) {
			return;
		}
		UUID batchId = BulkFilingJobConfiguration.batchId(parameters);
		if (this.batches.find(batchId, caller).isEmpty()) {
			throw BatchNotFoundException.forId(batchId);
		}
		int outside = this.items.pendingOutside(batchId, String.valueOf(caller.taxOffice()));
		if (outside > 0) {
			throw BatchOfOtherOfficesException.forRestart(batchId, outside);
		}
	}

}
