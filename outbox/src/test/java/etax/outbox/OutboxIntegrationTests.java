package etax.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import etax.devstack.LocalInfrastructure;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

@SpringBootTest
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class OutboxIntegrationTests {

	private static final String TOPIC = "etax.notices.v1";

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void sendsACommittedMessageWithItsKeyAndHeadersAndRemovesItOnceSent() {
		String key = UUID.randomUUID().toString();
		this.transactions.executeWithoutResult((status) -> this.outbox
			.append(new OutboxMessage(TOPIC, key, Map.of("amount", 22000000), Map.of("eventType", "Test"))));

		List<ConsumerRecord<String, String>> records = read(key, 1);

		assertThat(records).singleElement().satisfies((record) -> {
			assertThat(record.value()).isEqualTo("{\"amount\":22000000}");
			assertThat(new String(record.headers().lastHeader("eventType").value(), StandardCharsets.UTF_8))
				.isEqualTo("Test");
		});
		// the relay deletes the row when the broker acknowledged it, in a commit just after the record is readable
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.jdbc.queryForObject(
					"SELECT count(*) FROM outbox_test.outbox_message WHERE message_key = ?", Long.class, key))
				.isZero());
	}

	@Test
	void sendsNothingForARolledBackTransaction() {
		String key = UUID.randomUUID().toString();
		this.transactions.executeWithoutResult((status) -> {
			this.outbox.append(OutboxMessage.of(TOPIC, key, "rolled back"));
			status.setRollbackOnly();
		});
		this.transactions.executeWithoutResult((status) -> this.outbox.append(OutboxMessage.of(TOPIC, key, "committed")));

		assertThat(read(key, 1)).extracting(ConsumerRecord::value).containsExactly("committed");
	}

	@Test
	void keepsTheOrderOfOneKeysMessages() {
		String key = UUID.randomUUID().toString();
		for (int i = 0; i < 5; i++) {
			String payload = "message-" + i;
			this.transactions.executeWithoutResult((status) -> this.outbox.append(OutboxMessage.of(TOPIC, key, payload)));
		}
		assertThat(read(key, 5)).extracting(ConsumerRecord::value)
			.containsExactly("message-0", "message-1", "message-2", "message-3", "message-4");
	}

	@Test
	void insertsATransactionsMessagesInTheirOrderAndANestedTransactionsApart() {
		String key = UUID.randomUUID().toString();
		TransactionTemplate nested = new TransactionTemplate(this.transactions.getTransactionManager());
		nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.transactions.executeWithoutResult((status) -> {
			this.outbox.append(OutboxMessage.of(TOPIC, key, "outer-1"));
			nested.executeWithoutResult((inner) -> this.outbox.append(OutboxMessage.of(TOPIC, key, "nested")));
			this.outbox.appendAll(List.of(OutboxMessage.of(TOPIC, key, "outer-2"), OutboxMessage.of(TOPIC, key, "outer-3")));
			// the nested transaction's message may be relayed and deleted already: only the outer ones are counted
			assertThat(this.jdbc.queryForObject(
					"SELECT count(*) FROM outbox_test.outbox_message WHERE message_key = ? AND payload <> 'nested'",
					Long.class, key)).as("nothing of the open transaction is inserted before it commits").isZero();
		});
		this.transactions.executeWithoutResult((status) -> {
			this.outbox.append(OutboxMessage.of(TOPIC, key, "rolled back"));
			nested.executeWithoutResult((inner) -> this.outbox.append(OutboxMessage.of(TOPIC, key, "nested, kept")));
			status.setRollbackOnly();
		});

		assertThat(read(key, 5)).extracting(ConsumerRecord::value)
			.containsExactly("nested", "outer-1", "outer-2", "outer-3", "nested, kept");
	}

	@Test
	void vacuumsItsTableAfterDeletingRows() {
		long before = vacuums();
		String key = UUID.randomUUID().toString();
		this.transactions.executeWithoutResult((status) -> this.outbox.appendAll(IntStream.range(0, 25)
			.mapToObj((i) -> OutboxMessage.of(TOPIC, key, "message-" + i))
			.toList()));

		assertThat(read(key, 25)).hasSize(25);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(vacuums()).isGreaterThan(before));
	}

	private long vacuums() {
		return this.jdbc.queryForObject("""
				SELECT vacuum_count FROM pg_stat_user_tables WHERE schemaname = 'outbox_test' AND relname = 'outbox_message'""",
				Long.class);
	}

	@Test
	void refusesToAppendOutsideATransaction() {
		assertThatIllegalStateException().isThrownBy(() -> this.outbox.append(OutboxMessage.of(TOPIC, "k", "v")));
	}

	private static List<ConsumerRecord<String, String>> read(String key, int expected) {
		return TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(), TOPIC,
				(record) -> key.equals(record.key()), expected, Duration.ofSeconds(20));
	}

	@SpringBootApplication
	static class OutboxTestApplication {

	}

}
