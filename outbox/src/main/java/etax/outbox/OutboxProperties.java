package etax.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the outbox ({@code etax.outbox.*}).
 *
 * @param table the outbox table, schema-qualified ({@code filing.outbox_message}); the owning service
 * creates it by adding {@code classpath:db/migration/outbox} to its Flyway locations
 * @param relay how committed messages are sent
 */
@ConfigurationProperties("etax.outbox")
public record OutboxProperties(String table, @DefaultValue Relay relay) {

	/**
	 * The table the relay moves the messages Kafka refuses for good to, created by the same migrations.
	 * @return the outbox table's name with {@code _parked} appended ({@code filing.outbox_message_parked})
	 */
	public String parkedTable() {
		return this.table + "_parked";
	}

	/**
	 * @param enabled whether this process relays; a process with the relay off only appends
	 * @param pollInterval the longest a committed message waits when no commit wakes the relay
	 * @param linger how long a woken relay waits for more commits before its round; 0 sends at once
	 * @param batchSize messages sent per round trip to the database
	 * @param sendTimeout how long a batch may wait for the broker's acknowledgements, and a send for a topic's
	 * metadata
	 * @param roundBytes the most payload and header bytes a round's read takes (at least one message): a round holds
	 * them in memory (a read of which none may be sent is let go before the next)
	 * @param vacuumAfter rows deleted after which the relay vacuums the table itself; 0 leaves it to autovacuum
	 */
	public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("200ms") Duration pollInterval,
			@DefaultValue("20ms") Duration linger, @DefaultValue("500") int batchSize,
			@DefaultValue("10s") Duration sendTimeout, @DefaultValue("32MB") DataSize roundBytes,
			@DefaultValue("20000") int vacuumAfter) {

	}

}
