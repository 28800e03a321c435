package etax.batch.bulk;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The batches this process has taken on (queued or running): their heartbeats say so to the other
 * processes, which take a batch over only when its heartbeat has stopped for a lease. Holds are counted: a batch
 * held by two runs here at once (a take-over's and an officer's restart) beats until both have let go, not until
 * the first does.
 */
@Component
class Heartbeats {

	private final Map<UUID, Integer> alive = new ConcurrentHashMap<>();

	/** Runs that failed for an outage alone, by batch, not yet taken off the batches' attempts. */
	private final Map<UUID, Integer> outages = new ConcurrentHashMap<>();

	private final ClaimRepository claims;

	Heartbeats(ClaimRepository claims) {
		this.claims = claims;
	}

	void hold(UUID batchId) {
		this.alive.merge(batchId, 1, Integer::sum);
	}

	void release(UUID batchId) {
		this.alive.computeIfPresent(batchId, (id, holds) -> (holds > 1) ? holds - 1 : null);
	}

	int held() {
		return this.alive.size();
	}

	void beat() {
		this.claims.heartbeat(Set.copyOf(this.alive.keySet()));
		uncount();
	}

	/**
	 * A run of the batch failed for an outage alone: it is not one of the batch's attempts. Taken off now, or, while
	 * the database is down, with a later heartbeat.
	 * @throws org.springframework.dao.DataAccessException if it cannot be taken off now
	 */
	void notAnAttempt(UUID batchId) {
		this.outages.merge(batchId, 1, Integer::sum);
		uncount();
	}

	private void uncount() {
		for (Map.Entry<UUID, Integer> outage : Map.copyOf(this.outages).entrySet()) {
			this.claims.notAnAttempt(outage.getKey(), outage.getValue());
			this.outages.computeIfPresent(outage.getKey(),
					(id, runs) -> (runs > outage.getValue()) ? runs - outage.getValue() : null);
		}
	}

}
