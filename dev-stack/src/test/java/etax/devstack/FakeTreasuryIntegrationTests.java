package etax.devstack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FakeTreasuryIntegrationTests {

	@Test
	void answersPaymentsAndRecodingsOnceEach() throws Exception {
		String bootstrap = LocalInfrastructure.kafka().bootstrapServers();
		UUID payment = UUID.randomUUID();
		UUID recoding = UUID.randomUUID();
		try (FakeTreasury treasury = FakeTreasury.start(bootstrap, 0);
				KafkaProducer<String, String> producer = new KafkaProducer<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
						new StringSerializer())) {
			producer.send(new ProducerRecord<>("treasury.postings.v1", "0313829148", """
					{"type":"PostingRequested","version":1,"postingId":"%s","direction":"PAYMENT"}""".formatted(payment)))
				.get();
			String recoded = """
					{"type":"PostingRequested","version":2,"postingId":"%s","direction":"RECODING","fromSubItem":"1701",\
					"subItem":"4931","recodingOf":"%s"}""".formatted(recoding, payment);
			producer.send(new ProducerRecord<>("treasury.postings.v1", "0313829148", recoded)).get();
			producer.send(new ProducerRecord<>("treasury.postings.v1", "0313829148", recoded)).get();

			List<ConsumerRecord<String, String>> acks = TopicReader.read(bootstrap, "treasury.acks.v1",
					(r) -> r.value().contains(payment.toString()) || r.value().contains(recoding.toString()), 2,
					Duration.ofSeconds(30));

			assertThat(acks).extracting(ConsumerRecord::value)
				.hasSize(2)
				.anySatisfy((ack) -> assertThat(ack).contains(payment.toString(), "\"status\":\"POSTED\""))
				.anySatisfy((ack) -> assertThat(ack).contains(recoding.toString(), "\"status\":\"POSTED\"",
						"\"version\":1"));
		}
	}

}
