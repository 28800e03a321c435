package etax.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import etax.devstack.LocalInfrastructure;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

@SpringBootTest
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class OutboxIntegrationTests {

	private static final String TOPIC = "etax.notices.v1";

	/**
	 * A topic whose broker accepts no record batch above 20 KB. Not less than the producer's
	 * {@code batch.size} (16 KB): a batch the broker refuses is split into batches of that size, and one
	 * still too large is split again and again (KAFKA-8350).
	 */
	private static final String SMALL_RECORDS_TOPIC = "outbox-test.small-records.v1";

	private static final String TOO_LARGE = "org.apache.kafka.common.errors.RecordTooLargeException";

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ApplicationContext context;

	@Autowired
	KafkaProperties kafkaProperties;

	private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	@BeforeAll
	static void createTopicOfSmallRecords() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				LocalInfrastructure.kafka().bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(SMALL_RECORDS_TOPIC, 1, (short) 1)
				.configs(Map.of("max.message.bytes", "20000")))).all().get(30, TimeUnit.SECONDS);
		}
	}

	@BeforeEach
	void recordLogs() {
		this.logged.start();
		root().addAppender(this.logged);
	}

	@AfterEach
	void stopRecordingLogs() {
		root().detachAppender(this.logged);
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

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
	void parksAMessageAboveTheProducersSizeLimitAndRelaysTheOthersInOrder() {
		String key = UUID.randomUUID().toString();
		String other = UUID.randomUUID().toString();
		// a notice of a return with tens of thousands of findings: above the producer's max.request.size (1 MB)
		String tooLarge = "{\"findings\":\"" + "x".repeat(2_000_000) + "\"}";
		this.transactions.executeWithoutResult((status) -> this.outbox.appendAll(List.of(
				OutboxMessage.of(TOPIC, key, "before"), OutboxMessage.of(TOPIC, key, tooLarge),
				OutboxMessage.of(TOPIC, key, "after"), OutboxMessage.of(TOPIC, other, "other"))));
		this.transactions.executeWithoutResult((status) -> this.outbox.append(OutboxMessage.of(TOPIC, key, "later")));

		assertThat(read(key, 3)).extracting(ConsumerRecord::value).containsExactly("before", "after", "later");
		assertThat(read(other, 1)).extracting(ConsumerRecord::value).containsExactly("other");
		awaitParked(key, TOPIC, tooLarge);
		assertThat(loggedText()).contains("Outbox message parked")
			.doesNotContain(key)
			.doesNotContain("findings");
	}

	@Test
	void parksAMessageTheBrokerRefusesAndRelaysTheOthersInOrder() {
		String key = UUID.randomUUID().toString();
		// within the producer's limit, above the topic's max.message.bytes: the broker refuses it
		String tooLarge = "findings-" + "x".repeat(30_000);
		this.transactions.executeWithoutResult((status) -> this.outbox.appendAll(
				List.of(OutboxMessage.of(SMALL_RECORDS_TOPIC, key, "small-1"),
						OutboxMessage.of(SMALL_RECORDS_TOPIC, key, tooLarge),
						OutboxMessage.of(SMALL_RECORDS_TOPIC, key, "small-2"))));

		assertThat(TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(), SMALL_RECORDS_TOPIC,
				(record) -> key.equals(record.key()), 2, Duration.ofSeconds(20)))
			.extracting(ConsumerRecord::value)
			.containsExactly("small-1", "small-2");
		awaitParked(key, SMALL_RECORDS_TOPIC, tooLarge);
		assertThat(loggedText()).doesNotContain(key).doesNotContain("findings");
	}

	/**
	 * A message the broker cannot take now (its topic has no metadata: not created, the broker creates none) holds
	 * up its own key only: the round ends within the send timeout, the other keys' messages are acknowledged and
	 * deleted, not sent again and again, and the held one waits in the outbox.
	 */
	@Test
	void aMessageThatCannotBeSentNowHoldsUpOnlyItsOwnKey() {
		String held = UUID.randomUUID().toString();
		String other = UUID.randomUUID().toString();
		try {
			// more of them than a round reads (500), before the other key's: the held key is left out of the rounds
			this.transactions.executeWithoutResult((status) -> this.outbox.appendAll(IntStream.range(0, 600)
				.mapToObj((i) -> OutboxMessage.of("outbox-test.not-created.v1", held, "waits " + i))
				.toList()));
			this.transactions.executeWithoutResult(
					(status) -> this.outbox.append(OutboxMessage.of(TOPIC, other, "goes")));

			assertThat(read(other, 1)).extracting(ConsumerRecord::value).containsExactly("goes");
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.jdbc.queryForObject(
						"SELECT count(*) FROM outbox_test.outbox_message WHERE message_key = ?", Long.class, other))
					.isZero());
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM outbox_test.outbox_message WHERE message_key = ?",
					Long.class, held)).isEqualTo(600);
		}
		finally {
			this.jdbc.update("DELETE FROM outbox_test.outbox_message WHERE message_key = ?", held);
		}
	}

	/**
	 * A topic whose metadata does not come (not created, the broker creates none) costs the relay one wait of the send
	 * timeout, not one a round: it is refused across rounds for a send timeout, so that the rounds right after the
	 * first send the other topics' messages at once, though each reads a message of that topic under a new key (a key
	 * held back does not help there). Its messages stay in the outbox and go, each key's in order, once it exists and
	 * the time is up. The relay's own outbox table and producer, with a send timeout of 8 s.
	 */
	@Test
	void aTopicWithoutMetadataIsRefusedAcrossRoundsAndRelayedOnceCreated() throws Exception {
		String table = ownTable("outbox_test.late_topic_message");
		String lateTopic = "outbox-test.created-late." + UUID.randomUUID();
		Duration sendTimeout = Duration.ofSeconds(8);
		OutboxProperties properties = new OutboxProperties(table, new OutboxProperties.Relay(true,
				Duration.ofMillis(200), Duration.ZERO, 500, sendTimeout, DataSize.ofMegabytes(32), 0));
		ProducerFactory<String, String> producers = OutboxAutoConfiguration
			.relayProducers(OutboxAutoConfiguration.relayProducerConfig(this.kafkaProperties, null, properties), properties);
		RelayRounds rounds = new RelayRounds(this.jdbc, this.transactions, producers, JsonMapper.builder().build(),
				properties);
		try {
			String first = UUID.randomUUID().toString();
			insert(table, lateTopic, first, "first 0");
			insert(table, lateTopic, first, "first 1");
			insert(table, TOPIC, UUID.randomUUID().toString(), "other");
			assertThat(rounds.next().sent()).as("the other topic's message, after the wait for the missing one")
				.isOne();
			for (int i = 0; i < 3; i++) {
				insert(table, lateTopic, "later " + i, "later " + i);
				insert(table, TOPIC, UUID.randomUUID().toString(), "other " + i);
				long start = System.nanoTime();

				RelayRounds.Round round = rounds.next();

				assertThat(Duration.ofNanos(System.nanoTime() - start)).as("round %d", i)
					.isLessThan(sendTimeout.dividedBy(2));
				assertThat(round.sent()).isOne();
				assertThat(round.retry()).isNotNull();
			}
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class)).isEqualTo(5);

			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
					LocalInfrastructure.kafka().bootstrapServers()))) {
				admin.createTopics(List.of(new NewTopic(lateTopic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
			}
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
				rounds.next();
				return this.jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class) == 0;
			});
			assertThat(TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(), lateTopic, (record) -> true, 5,
					Duration.ofSeconds(20)))
				.extracting(ConsumerRecord::value)
				.containsExactlyInAnyOrder("first 0", "first 1", "later 0", "later 1", "later 2")
				.containsSubsequence("first 0", "first 1");
		}
		finally {
			producers.reset();
			this.jdbc.update("DELETE FROM " + table);
		}
	}

	private void insert(String table, String topic, String key, String payload) {
		this.jdbc.update("INSERT INTO " + table + " (topic, message_key, payload) VALUES (?, ?, ?)", topic, key,
				payload);
	}

	/**
	 * A partition without a leader holds up only the keys it holds: their messages are not sent (a record sent
	 * there waits in the producer until the send timeout, and the round with it, so that every key went a round per
	 * send timeout), and the other partitions' messages go in the same round. The relay's own outbox table and a
	 * producer whose metadata shows partition 0 of a topic without a leader (a single broker shows no such thing).
	 */
	@Test
	void aPartitionWithoutALeaderHoldsUpOnlyItsOwnKeys() {
		String table = ownTable("outbox_test.leaderless_message");
		String topic = "outbox-test.leaderless.v1";
		MockProducer<String, String> producer = withoutALeaderOfPartitionZero(topic);
		String down = keyOfPartition(0);
		String up = keyOfPartition(1);
		for (int i = 0; i < 3; i++) {
			for (String key : List.of(down, up)) {
				this.jdbc.update("INSERT INTO " + table + " (topic, message_key, payload) VALUES (?, ?, ?)", topic, key,
						key + " " + i);
			}
		}
		RelayRounds rounds = rounds(table, producer, DataSize.ofMegabytes(32));

		RelayRounds.Round round = rounds.next();

		assertThat(round.sent()).isEqualTo(3);
		assertThat(round.retry()).isNotNull()
			.extracting(SendFailure::shortReason)
			.isEqualTo("LeaderNotAvailableException");
		assertThat(producer.history()).extracting(ProducerRecord::value).containsExactly(up + " 0", up + " 1", up + " 2");
		assertThat(this.jdbc.queryForList("SELECT payload FROM " + table + " ORDER BY id", String.class))
			.containsExactly(down + " 0", down + " 1", down + " 2");
		assertThat(rounds.next()).as("the key is held back: the next round has nothing to send")
			.isEqualTo(RelayRounds.Round.NONE);
	}

	/**
	 * A round whose read is all messages that wait (here more new keys of a partition without a leader than a round
	 * reads, as a partition's backlog of keys not held back yet would be) reads on past them: the other partitions'
	 * messages go in that round, not once every key before them is held back.
	 */
	@Test
	void aRoundReadsPastAReadOfMessagesThatAllWait() {
		String table = ownTable("outbox_test.waiting_message");
		String topic = "outbox-test.waiting.v1";
		MockProducer<String, String> producer = withoutALeaderOfPartitionZero(topic);
		for (int i = 0; i < 700; i++) {
			this.jdbc.update("INSERT INTO " + table + " (topic, message_key, payload) VALUES (?, ?, ?)", topic,
					keyOfPartition(0), "waits " + i);
		}
		String up = keyOfPartition(1);
		insert(table, topic, up, "goes");
		RelayRounds rounds = rounds(table, producer, DataSize.ofMegabytes(32));

		RelayRounds.Round round = rounds.next();

		assertThat(round.sent()).isOne();
		assertThat(producer.history()).extracting(ProducerRecord::value).containsExactly("goes");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class)).isEqualTo(700);
	}

	/**
	 * A round one of whose messages failed in a way that may pass is aborted: none of its messages is read, not even
	 * the key's next one, acknowledged after the first had failed (without a transaction the topic held that one
	 * first when the first timed out during a leader election); the key is held back for a send timeout, the other
	 * key's message goes in the next round, and then the key's two, in their order. Sends acknowledged by the test.
	 */
	@Test
	void aRoundWithAFailedMessageIsReadByNoOneAndItsKeysMessagesGoAgainInOrder() throws Exception {
		String table = ownTable("outbox_test.aborted_message");
		OpenProducer producer = new OpenProducer(Cluster.empty(), false);
		String key = UUID.randomUUID().toString();
		insert(table, TOPIC, key, "first");
		insert(table, TOPIC, key, "second");
		insert(table, TOPIC, UUID.randomUUID().toString(), "other");
		Duration sendTimeout = Duration.ofSeconds(2);
		RelayRounds rounds = rounds(table, producer, DataSize.ofMegabytes(32), sendTimeout);

		CompletableFuture<RelayRounds.Round> aborted = CompletableFuture.supplyAsync(rounds::next);
		await().atMost(Duration.ofSeconds(10)).until(() -> producer.uncommittedRecords().size() == 3);
		producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("Expiring 1 record(s)"));
		producer.completeNext();
		producer.completeNext();

		assertThat(aborted.get(10, TimeUnit.SECONDS)).satisfies((round) -> {
			assertThat(round.sent()).isZero();
			assertThat(round.retry()).isNotNull().extracting(SendFailure::shortReason).isEqualTo("TimeoutException");
		});
		assertThat(producer.transactionAborted()).isTrue();
		assertThat(producer.history()).isEmpty();
		assertThat(payloads(table)).containsExactly("first", "second", "other");

		long heldSince = System.nanoTime();
		assertThat(acknowledgedRound(rounds, producer, 1).sent()).isOne();
		await().pollDelay(sendTimeout.minus(Duration.ofNanos(System.nanoTime() - heldSince))).until(() -> true);
		assertThat(acknowledgedRound(rounds, producer, 2).sent()).isEqualTo(2);
		assertThat(producer.history()).extracting(ProducerRecord::value).containsExactly("other", "first", "second");
		assertThat(payloads(table)).isEmpty();
	}

	/**
	 * A partition that keeps failing in a way that may pass (its leader below {@code min.insync.replicas}) is held back
	 * for a send timeout with the key that failed there: the next round sends nothing to it, not even a new key's
	 * message, which would abort that round too, and every round after it, for every partition. Partition 0 fails;
	 * sends acknowledged by the test.
	 */
	@Test
	void aPartitionThatFailedIsHeldBackSoThatTheNextRoundsGoOnForTheOthers() throws Exception {
		String table = ownTable("outbox_test.failing_partition_message");
		String topic = "outbox-test.failing-partition.v1";
		OpenProducer producer = answeredByTheTest(topic);
		String failing = keyOfPartition(0);
		String other = keyOfPartition(1);
		insert(table, topic, failing, "fails");
		insert(table, topic, other, "goes");
		RelayRounds rounds = rounds(table, producer, DataSize.ofMegabytes(32));

		CompletableFuture<RelayRounds.Round> aborted = CompletableFuture.supplyAsync(rounds::next);
		await().atMost(Duration.ofSeconds(10)).until(() -> producer.uncommittedRecords().size() == 2);
		producer.errorNext(new NotEnoughReplicasException("Messages are rejected since there are fewer in-sync replicas"));
		producer.completeNext();
		assertThat(aborted.get(10, TimeUnit.SECONDS).sent()).isZero();
		String newcomer = keyOfPartition(0);
		insert(table, topic, newcomer, "waits");

		RelayRounds.Round next = acknowledgedRound(rounds, producer, 1);

		assertThat(next.sent()).isOne();
		assertThat(next.retry()).isNotNull()
			.extracting(SendFailure::shortReason)
			.isEqualTo("NotEnoughReplicasException");
		assertThat(producer.history()).extracting(ProducerRecord::value).containsExactly("goes");
		assertThat(payloads(table)).containsExactly("fails", "waits");
	}

	/**
	 * The broker refuses a record of a batch and fails the batch's others beside it, the first of them first: the
	 * round's first failure is not the refused record's. The record whose own failure says it is refused for good is
	 * sent once more alone, in a transaction aborted whatever comes of it, and parked when refused again; the others
	 * go in the next round. Sends answered by the test.
	 */
	@Test
	void aRecordRefusedBesideAnotherThatFailedFirstIsSentAloneOnceMoreAndParked() throws Exception {
		String table = ownTable("outbox_test.refused_in_batch_message");
		OpenProducer producer = new OpenProducer(Cluster.empty(), false);
		String key = UUID.randomUUID().toString();
		String refusedKey = UUID.randomUUID().toString();
		insert(table, TOPIC, key, "beside");
		insert(table, TOPIC, refusedKey, "invalid");
		RelayRounds rounds = rounds(table, producer, DataSize.ofMegabytes(32));

		CompletableFuture<RelayRounds.Round> aborted = CompletableFuture.supplyAsync(rounds::next);
		await().atMost(Duration.ofSeconds(10)).until(() -> producer.uncommittedRecords().size() == 2);
		failAsABatchWhoseSecondRecordIsInvalid(producer);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> producer.errorNext(new InvalidRecordException("This record has failed the validation again")));

		RelayRounds.Round round = aborted.get(10, TimeUnit.SECONDS);
		assertThat(round.parked()).singleElement()
			.extracting((parked) -> parked.failure().shortReason())
			.isEqualTo("InvalidRecordException");
		assertThat(round.more()).as("the others are sent again at once").isTrue();
		assertThat(this.jdbc.queryForList("SELECT payload FROM " + table + "_parked", String.class))
			.containsExactly("invalid");
		assertThat(acknowledgedRound(rounds, producer, 1).sent()).isOne();
		assertThat(producer.history()).extracting(ProducerRecord::value).containsExactly("beside");
	}

	/**
	 * A record whose failure read as refused for good but went when sent alone is not parked, and the partition it
	 * failed on is held back as after any failure that may pass: a new key's message to it waits, unsent and not
	 * parked. Partition 0 fails; sends answered by the test.
	 */
	@Test
	void aPartitionHeldBackAfterARecordTheProbeAcceptedParksNothingOfItsLaterMessages() throws Exception {
		String table = ownTable("outbox_test.probe_accepted_message");
		String topic = "outbox-test.probe-accepted.v1";
		OpenProducer producer = answeredByTheTest(topic);
		insert(table, topic, keyOfPartition(0), "beside");
		insert(table, topic, keyOfPartition(0), "suspect");
		RelayRounds rounds = rounds(table, producer, DataSize.ofMegabytes(32));

		CompletableFuture<RelayRounds.Round> aborted = CompletableFuture.supplyAsync(rounds::next);
		await().atMost(Duration.ofSeconds(10)).until(() -> producer.uncommittedRecords().size() == 2);
		failAsABatchWhoseSecondRecordIsInvalid(producer);
		await().atMost(Duration.ofSeconds(10)).until(producer::completeNext);
		assertThat(aborted.get(10, TimeUnit.SECONDS).parked()).as("the probe's send went").isEmpty();
		insert(table, topic, keyOfPartition(0), "newcomer");

		RelayRounds.Round next = rounds.next();

		assertThat(next.parked()).isEmpty();
		assertThat(next.retry()).isNotNull();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM " + table + "_parked", Long.class)).isZero();
		assertThat(payloads(table)).containsExactly("beside", "suspect", "newcomer");
	}

	/**
	 * A topic whose name is not a valid one is refused for good before anything is sent: its message is parked, and
	 * the key's later message, to another topic, goes.
	 */
	@Test
	void aMessageToATopicOfAnInvalidNameIsParked() {
		String key = UUID.randomUUID().toString();
		String invalid = "outbox test: not a topic name!";
		this.transactions.executeWithoutResult((status) -> this.outbox.appendAll(
				List.of(OutboxMessage.of(invalid, key, "nowhere"), OutboxMessage.of(TOPIC, key, "after"))));

		assertThat(read(key, 1)).extracting(ConsumerRecord::value).containsExactly("after");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.jdbc.queryForList(
					"SELECT reason FROM outbox_test.outbox_message_parked WHERE message_key = ?", String.class, key))
				.containsExactly("org.apache.kafka.common.errors.InvalidTopicException"));
	}

	/**
	 * Fails the two sends waiting as the broker fails a batch with an invalid record: the valid one beside it first,
	 * with a plain exception, then the invalid one with its own.
	 */
	private static void failAsABatchWhoseSecondRecordIsInvalid(MockProducer<String, String> producer) {
		producer.errorNext(new KafkaException("Failed to append record because it was part of a batch which had "
				+ "one more more invalid records"));
		producer.errorNext(new InvalidRecordException("This record has failed the validation on broker"));
	}

	/** A producer whose sends the test answers, of a topic of two partitions, both with a leader. */
	private static OpenProducer answeredByTheTest(String topic) {
		Node broker = new Node(1, "localhost", 9092);
		Node[] replicas = { broker };
		return new OpenProducer(new Cluster("test", List.of(broker),
				List.of(new PartitionInfo(topic, 0, broker, replicas, replicas),
						new PartitionInfo(topic, 1, broker, replicas, replicas)),
				Set.of(), Set.of()), false);
	}

	/** Runs a round, acknowledging the sends it waits for as they come. */
	private static RelayRounds.Round acknowledgedRound(RelayRounds rounds, MockProducer<String, String> producer,
			int sends) throws Exception {
		CompletableFuture<RelayRounds.Round> round = CompletableFuture.supplyAsync(rounds::next);
		for (int i = 0; i < sends; i++) {
			await().atMost(Duration.ofSeconds(10)).until(producer::completeNext);
		}
		return round.get(10, TimeUnit.SECONDS);
	}

	private List<String> payloads(String table) {
		return this.jdbc.queryForList("SELECT payload FROM " + table + " ORDER BY id", String.class);
	}

	/**
	 * A round's bytes count the headers too: a dead letter's may carry a whole recorded message beside a payload of
	 * a few hundred bytes, and a round of them held gigabytes. Rounds of 1 KB, messages of 600 bytes of headers.
	 */
	@Test
	void aRoundsBytesCountTheHeaders() {
		String table = ownTable("outbox_test.large_headers_message");
		MockProducer<String, String> producer = new OpenProducer(Cluster.empty());
		String key = UUID.randomUUID().toString();
		for (int i = 0; i < 3; i++) {
			this.jdbc.update("INSERT INTO " + table + " (topic, message_key, payload, headers) VALUES (?, ?, ?, ?::jsonb)",
					TOPIC, key, "small " + i, "{\"recorded-value\":\"" + "x".repeat(600) + "\"}");
		}
		RelayRounds rounds = rounds(table, producer, DataSize.ofBytes(1024));

		assertThat(rounds.next().sent()).as("the first, and the second begun under 1 KB").isEqualTo(2);
		assertThat(rounds.next().sent()).isOne();
	}

	/** A table of the test's own, beside the relay's, with its parked table. */
	private String ownTable(String table) {
		this.jdbc.execute("CREATE TABLE IF NOT EXISTS " + table + " (LIKE outbox_test.outbox_message INCLUDING ALL)");
		this.jdbc.execute("CREATE TABLE IF NOT EXISTS " + table
				+ "_parked (LIKE outbox_test.outbox_message_parked INCLUDING ALL)");
		return table;
	}

	private RelayRounds rounds(String table, MockProducer<String, String> producer, DataSize roundBytes) {
		return rounds(table, producer, roundBytes, Duration.ofSeconds(10));
	}

	private RelayRounds rounds(String table, MockProducer<String, String> producer, DataSize roundBytes,
			Duration sendTimeout) {
		return new RelayRounds(this.jdbc, this.transactions, () -> producer, JsonMapper.builder().build(),
				new OutboxProperties(table, new OutboxProperties.Relay(true, Duration.ofMillis(200), Duration.ZERO, 500,
						sendTimeout, roundBytes, 0)));
	}

	/**
	 * A mock producer, ready for transactions, that stays open: a round gives back the producer it borrowed, and
	 * closes it unless a caching factory wraps it.
	 */
	private static final class OpenProducer extends MockProducer<String, String> {

		OpenProducer(Cluster cluster) {
			this(cluster, true);
		}

		/**
		 * @param acknowledges whether each send is acknowledged at once; if not, by {@link #completeNext} or
		 * {@link #errorNext}
		 */
		OpenProducer(Cluster cluster, boolean acknowledges) {
			super(cluster, acknowledges, new KeyHashPartitioner(), new StringSerializer(), new StringSerializer());
			initTransactions();
		}

		@Override
		public void close() {
		}

		@Override
		public void close(Duration timeout) {
		}

	}

	/** Places a keyed record as the producer's own partitioner does (the mock producer has none of its own). */
	private static final class KeyHashPartitioner implements Partitioner {

		@Override
		public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes,
				Cluster cluster) {
			return Utils.toPositive(Utils.murmur2(keyBytes)) % cluster.partitionsForTopic(topic).size();
		}

		@Override
		public void configure(Map<String, ?> configs) {
		}

		@Override
		public void close() {
		}

	}

	/** A producer whose metadata shows partition 0 of the topic's two without a leader. */
	private static MockProducer<String, String> withoutALeaderOfPartitionZero(String topic) {
		Node broker = new Node(1, "localhost", 9092);
		Node[] replicas = { broker };
		return new OpenProducer(new Cluster("test", List.of(broker),
				List.of(new PartitionInfo(topic, 0, null, replicas, new Node[0]),
						new PartitionInfo(topic, 1, broker, replicas, replicas)),
				Set.of(), Set.of()));
	}

	/** A key the producer's partitioner places in the partition, of a topic of two. */
	private static String keyOfPartition(int partition) {
		return IntStream.iterate(0, (i) -> i + 1)
			.mapToObj((i) -> UUID.randomUUID().toString())
			.filter((key) -> Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 2 == partition)
			.findFirst()
			.orElseThrow();
	}

	/** The message is out of the outbox, kept whole in the parked table with the reason, and counted. */
	private void awaitParked(String key, String topic, String payload) {
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM outbox_test.outbox_message WHERE message_key = ?",
					Long.class, key)).isZero();
			assertThat(this.jdbc.queryForList(
					"SELECT topic, payload, reason FROM outbox_test.outbox_message_parked WHERE message_key = ?", key))
				.containsExactly(Map.of("topic", topic, "payload", payload, "reason", TOO_LARGE));
			assertThat(this.meters.get("etax.outbox.parked")
				.tags("topic", topic, "reason", "RecordTooLargeException")
				.counter()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void logsAFailedSendOfTheServicesTemplateWithoutKeyOrValue() {
		assertThat(this.context.getBeansOfType(ProducerListener.class).values()).singleElement()
			.isInstanceOf(ContentFreeProducerListener.class);
		KafkaTemplate<?, ?> template = this.context.getBean("kafkaTemplate", KafkaTemplate.class);
		assertThat(ReflectionTestUtils.getField(template, "producerListener"))
			.isSameAs(this.context.getBean(ProducerListener.class));
		@SuppressWarnings("unchecked")
		KafkaTemplate<String, String> strings = (KafkaTemplate<String, String>) template;
		String key = UUID.randomUUID().toString();

		assertThatException().isThrownBy(() -> strings.send(TOPIC, key, "payload-" + "x".repeat(2_000_000)));

		assertThat(loggedText()).contains("Kafka send failed topic=" + TOPIC)
			.contains("RecordTooLargeException")
			.doesNotContain(key)
			.doesNotContain("payload-");
	}

	@Test
	void sendsTheMessagesOfATransactionThatWaitedForAnotherAfterTheOthersEvenIfAppendedBefore() throws Exception {
		String key = UUID.randomUUID().toString();
		String lock = "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?))) AS locked";
		CountDownLatch firstLocked = new CountDownLatch(1);
		CountDownLatch secondAppended = new CountDownLatch(1);
		CompletableFuture<Void> first = inTransaction(() -> {
			this.jdbc.queryForObject(lock, Integer.class, key);
			firstLocked.countDown();
			awaitLatch(secondAppended);
			this.outbox.append(OutboxMessage.of(TOPIC, key, "first"));
		});
		CompletableFuture<Void> second = inTransaction(() -> {
			awaitLatch(firstLocked);
			this.outbox.append(OutboxMessage.of(TOPIC, key, "second"));
			secondAppended.countDown();
			// waits for the first transaction to commit, as a transaction waits for a row or chain another holds
			this.jdbc.queryForObject(lock, Integer.class, key);
		});
		CompletableFuture.allOf(first, second).get(20, TimeUnit.SECONDS);

		assertThat(read(key, 2)).extracting(ConsumerRecord::value).containsExactly("first", "second");
	}

	private CompletableFuture<Void> inTransaction(Runnable work) {
		return CompletableFuture.runAsync(() -> this.transactions.executeWithoutResult((status) -> work.run()));
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String loggedText() {
		return String.join("\n", this.logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
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

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
