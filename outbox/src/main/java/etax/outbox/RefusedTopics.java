package etax.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The topics the relay sends nothing to for now: their metadata did not come within the send timeout (a topic not
 * created while the broker creates none, or no broker answering), or a send to them failed at once in a way that may
 * pass. Asking again costs the round the whole timeout ({@code max.block.ms}), and every topic's messages wait behind
 * it; so a topic is refused across rounds for a send timeout, as a failed key is held ({@link RelayRounds}), and its
 * messages fail as the first did without asking. Once the time is up, the next round asks again.
 */
final class RefusedTopics {

	private final Duration timeout;

	private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();

	RefusedTopics(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * Forgets the topics refused a send timeout ago or more. Called as a round starts only, so that a round asks for a
	 * topic's metadata at most once.
	 */
	void expire() {
		long now = System.nanoTime();
		this.refusals.values().removeIf((refusal) -> refusal.until() - now <= 0);
	}

	/**
	 * @param topic a message's topic
	 * @return what its messages fail with while the topic is refused, or {@code null} if they may be sent
	 */
	@Nullable CompletableFuture<@Nullable Throwable> failure(String topic) {
		@Nullable Refusal refusal = this.refusals.get(topic);
		return (refusal != null) ? refusal.failure() : null;
	}

	/**
	 * Refuses a topic for a send timeout from now.
	 * @param topic the topic
	 * @param failure what its messages fail with meanwhile: what the producer answered
	 */
	void refuse(String topic, CompletableFuture<@Nullable Throwable> failure) {
		this.refusals.put(topic, new Refusal(failure, System.nanoTime() + this.timeout.toNanos()));
	}

	/**
	 * A refused topic.
	 * @param failure what its messages fail with
	 * @param until when to ask for its metadata again, in {@link System#nanoTime()}'s terms
	 */
	private record Refusal(CompletableFuture<@Nullable Throwable> failure, long until) {

	}

}
