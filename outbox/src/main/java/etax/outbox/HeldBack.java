package etax.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * What the relay holds back for a send timeout after a failure that may pass ({@link RelayRounds}): keys, left out of
 * the rounds' reads, their messages staying in order behind the failed one, so that more of them than a round reads
 * cannot fill every round; and partitions, to which no round sends anything meanwhile. A round is one Kafka
 * transaction, aborted if any of its messages failed: a partition that keeps failing (a leader below its
 * {@code min.insync.replicas}, a topic the relay may not write) would abort every round, since nearly every round
 * brings new keys to it, and so stop every other partition's messages too.
 */
final class HeldBack {

	/**
	 * The most keys held back at once, about 10 MB; past them a failed key's messages come back in the next round, and
	 * a round reads past them ({@link RelayRounds}) up to its pages.
	 */
	private static final int MAX_KEYS = 100_000;

	private final Duration timeout;

	private final Map<String, Long> keys = new ConcurrentHashMap<>();

	private final Map<TopicPartition, Held> partitions = new ConcurrentHashMap<>();

	HeldBack(Duration timeout) {
		this.timeout = timeout;
	}

	/** @return the keys held back now, those whose time is up forgotten */
	String[] keys() {
		long now = System.nanoTime();
		this.keys.values().removeIf((until) -> until - now <= 0);
		return this.keys.keySet().toArray(String[]::new);
	}

	/** Holds keys back for a send timeout from now. */
	void holdKeys(Set<String> held) {
		long until = System.nanoTime() + this.timeout.toNanos();
		for (String key : held) {
			if (this.keys.size() >= MAX_KEYS) {
				return;
			}
			this.keys.put(key, until);
		}
	}

	/**
	 * @param topic a message's topic
	 * @param partition the partition its key goes to
	 * @return what a send there failed with while the partition is held back, else {@code null}
	 */
	@Nullable Throwable partition(String topic, int partition) {
		@Nullable Held held = this.partitions.get(new TopicPartition(topic, partition));
		if (held == null) {
			return null;
		}
		if (held.until() - System.nanoTime() <= 0) {
			this.partitions.remove(new TopicPartition(topic, partition), held);
			return null;
		}
		return held.failure();
	}

	/** Holds a partition back for a send timeout from now. */
	void holdPartition(String topic, int partition, Throwable failure) {
		this.partitions.put(new TopicPartition(topic, partition),
				new Held(failure, System.nanoTime() + this.timeout.toNanos()));
	}

	/**
	 * @param failure what a send there failed with
	 * @param until when it may be sent to again, in {@link System#nanoTime()}'s terms
	 */
	private record Held(Throwable failure, long until) {

	}

}
