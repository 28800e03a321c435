package etax.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalInfrastructureIntegrationTests {

	@Test
	void postgresIsARealServerWithTheEtaxDatabase() throws Exception {
		try (Connection connection = DriverManager.getConnection(LocalInfrastructure.postgres().jdbcUrl(),
				LocalPostgres.USER, "");
				ResultSet result = connection.createStatement().executeQuery("SELECT current_database(), version()")) {
			assertThat(result.next()).isTrue();
			assertThat(result.getString(1)).isEqualTo(LocalPostgres.DATABASE);
			assertThat(result.getString(2)).startsWith("PostgreSQL 17");
		}
	}

	@Test
	void kafkaHasEveryTopicAndCarriesATransactionalRecord() throws Exception {
		String bootstrap = LocalInfrastructure.kafka().bootstrapServers();
		try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrap))) {
			assertThat(admin.listTopics().names().get()).containsAll(Topics.ALL).contains(Topics.BULK_PARTITIONS);
			assertThat(admin.describeTopics(List.of(Topics.BULK_PARTITIONS))
				.allTopicNames()
				.get()
				.get(Topics.BULK_PARTITIONS)
				.partitions()).hasSize(Topics.BULK_PARTITIONS_PARTITIONS);
		}
		Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.TRANSACTIONAL_ID_CONFIG, "infrastructure-test", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
			producer.initTransactions();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>("etax.notices.v1", "0313829148", "hello"));
			producer.commitTransaction();
		}
		Properties consumerConfig = new Properties();
		consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "infrastructure-test");
		consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of("etax.notices.v1"));
			ConsumerRecords<String, String> records = ConsumerRecords.empty();
			for (int i = 0; i < 20 && records.isEmpty(); i++) {
				records = consumer.poll(Duration.ofMillis(500));
			}
			assertThat(records).extracting((record) -> record.value()).containsExactly("hello");
		}
	}

	@Test
	void aBrokerKeepsItsDataInADirectoryOfItsOwnThatItRemovesOnceStopped() {
		LocalKafka kafka = LocalKafka.start();
		Path data = kafka.dataDirectory();
		try {
			assertThat(data).isDirectory();
			assertThat(data.getFileName().toString()).startsWith("etax-kafka-");
		}
		finally {
			kafka.close();
		}
		assertThat(Files.exists(data)).isFalse();
	}

}
