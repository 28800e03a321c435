package etax.benchmarks.payment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The ceiling: the least a consumer must do to record messages exactly once with the same broker and
 * database, and nothing else. One thread polls (read_committed), inserts the poll into PostgreSQL with
 * {@code INSERT … ON CONFLICT DO NOTHING} in one JDBC batch and one commit, then produces one message
 * per record in one Kafka transaction that also commits the offsets. No parsing beyond the key, no
 * signature, no ledger, no outbox.
 */
final class CeilingLoop {

	private CeilingLoop() {
	}

	/**
	 * Drains a topic already holding {@code expected} messages.
	 * @return the measurement
	 */
	static Measurement run(String bootstrap, String jdbcUrl, String user, String password, String inTopic,
			String outTopic, String runId, int maxPollRecords, int expected) throws SQLException {
		Properties credentials = new Properties();
		credentials.setProperty("user", user);
		credentials.setProperty("password", password);
		Map<String, Object> consumerConfig = new HashMap<>();
		consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-ceiling-" + runId);
		consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
		consumerConfig.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
		Map<String, Object> producerConfig = new HashMap<>();
		producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-ceiling-" + runId);
		producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		List<Long> pollMillis = new ArrayList<>();
		try (Connection db = DriverManager.getConnection(jdbcUrl, credentials);
				KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
						new StringDeserializer());
				KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
						new StringSerializer())) {
			try (Statement ddl = db.createStatement()) {
				ddl.execute("CREATE SCHEMA IF NOT EXISTS bench");
				ddl.execute("""
						CREATE TABLE IF NOT EXISTS bench.ceiling (bank_code text NOT NULL, bank_reference text NOT NULL,
						    payer_mst text NOT NULL, raw_message text NOT NULL, received_at timestamptz NOT NULL,
						    PRIMARY KEY (bank_code, bank_reference))""");
			}
			db.setAutoCommit(false);
			producer.initTransactions();
			consumer.subscribe(List.of(inTopic));
			int done = 0;
			long start = 0;
			try (PreparedStatement insert = db.prepareStatement("""
					INSERT INTO bench.ceiling (bank_code, bank_reference, payer_mst, raw_message, received_at)
					VALUES (?, ?, ?, ?, now()) ON CONFLICT (bank_code, bank_reference) DO NOTHING""")) {
				while (done < expected) {
					ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
					if (records.isEmpty()) {
						continue;
					}
					long polled = System.nanoTime();
					if (start == 0) {
						start = polled;
					}
					for (ConsumerRecord<String, String> record : records) {
						insert.setString(1, BenchBank.CODE);
						insert.setString(2, reference(record.value()));
						insert.setString(3, record.key());
						insert.setString(4, record.value());
						insert.addBatch();
					}
					insert.executeBatch();
					db.commit();
					producer.beginTransaction();
					Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
					for (ConsumerRecord<String, String> record : records) {
						producer.send(new ProducerRecord<>(outTopic, record.key(), record.value()));
						offsets.put(new TopicPartition(record.topic(), record.partition()),
								new OffsetAndMetadata(record.offset() + 1));
					}
					producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
					producer.commitTransaction();
					long committed = System.nanoTime();
					for (int i = 0; i < records.count(); i++) {
						pollMillis.add((committed - polled) / 1_000_000);
					}
					done += records.count();
				}
			}
			return new Measurement(done, Duration.ofNanos(System.nanoTime() - start), Percentiles.of(pollMillis, 0.99));
		}
	}

	private static String reference(String value) {
		int at = value.indexOf("\"bankReference\":\"") + 17;
		return value.substring(at, value.indexOf('"', at));
	}

	/**
	 * @param messages how many were recorded
	 * @param elapsed from the first poll to the last commit
	 * @param p99CommitMillis p99 from the poll to the Kafka transaction's commit, per message, exact from samples
	 */
	record Measurement(int messages, Duration elapsed, long p99CommitMillis) {

		double perSecond() {
			return this.messages / (this.elapsed.toNanos() / 1e9);
		}

	}

}
