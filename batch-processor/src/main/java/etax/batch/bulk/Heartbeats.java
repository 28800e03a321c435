package etax.batch.bulk;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The batches this process has taken on (queued or running): their heartbeats say so to the other
 * processes, which take a batch over only when its heartbeat has stopped for a lease.
 */
@Component
class Heartbeats {

	private final Set<UUID> alive = ConcurrentHashMap.newKeySet();

	private final ClaimRepository claims;

	Heartbeats(ClaimRepository claims) {
		this.claims = claims;
	}

	void hold(UUID batchId) {
		this.alive.add(batchId);
	}

	void release(UUID batchId) {
		this.alive.remove(batchId);
	}

	int held() {
		return this.alive.size();
	}

	void beat() {
		this.claims.heartbeat(Set.copyOf(this.alive));
	}

}
