package etax.payment.confirmation;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import static etax.payment.GatewayFixture.BANK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A confirmation offered over HTTP while the broker cannot take it: the intake answers that it is unavailable
 * (a 503 with {@code Retry-After}, {@code broker-unavailable}), not that it failed, and nothing is recorded. The
 * intake publishes to a broker address where none listens, with the gateway's own checks.
 */
@GatewayIntegrationTest
class BankIntakeBrokerDownIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Autowired
	ConfirmationPublishing publishing;

	@Autowired
	ProducerFactory<String, String> producers;

	/** The gateway's own producer settings, pointed where no broker listens: the wait is the service's. */
	@Test
	void aConfirmationTheBrokerDoesNotTakeIsRefusedAsUnavailableAndNothingIsRecorded() {
		Map<String, Object> config = new HashMap<>(this.producers.getConfigurationProperties());
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		DefaultKafkaProducerFactory<String, String> nowhere = new DefaultKafkaProducerFactory<>(config);
		BankIntake intake = new BankIntake(this.publishing, new KafkaTemplate<>(nowhere));
		String mst = DevBanks.mst(7051);
		String confirmation = DevBanks.confirmation(BANK, "BDN2026042000000001", mst, "2026-04-20",
				List.of(Line.of("1701", 1_000_000)));
		long started = System.nanoTime();
		try {
			assertThatExceptionOfType(BrokerUnavailableException.class)
				.isThrownBy(() -> intake.submit(BANK, confirmation, "application/json"))
				.withMessageContaining("send it again");
		}
		finally {
			nowhere.destroy();
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(11));
		assertThat(gateway.jdbc()
			.sql("SELECT count(*) FROM payment.confirmation WHERE bank_reference = 'BDN2026042000000001'")
			.query(Long.class)
			.single()).isZero();
	}

}
