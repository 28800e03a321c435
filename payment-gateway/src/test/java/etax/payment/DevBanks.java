package etax.payment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import etax.devstack.LocalInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/**
 * The dev banks of the local run (db/dev/payment): their private keys, dev-stack's resources (LOCAL RUN AND
 * TESTS ONLY), sign a record value as a detached JWS (RS256), the way a bank does.
 */
public final class DevBanks {

	public static final String SIGNATURE = "etax.signature";

	private DevBanks() {
	}

	public static PrivateKey privateKey(String bankCode) {
		try (InputStream in = DevBanks.class.getResourceAsStream("/dev-banks/" + bankCode + ".pk8.b64")) {
			byte[] der = Base64.getMimeDecoder().decode(in.readAllBytes());
			return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The detached JWS of a value, signed with the bank's dev key under its registered key id. */
	public static String sign(String bankCode, String value) {
		return sign(privateKey(bankCode), bankCode + "-dev-1", value);
	}

	public static String sign(PrivateKey key, String keyId, String value) {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		String header = encoder
			.encodeToString(("{\"alg\":\"RS256\",\"kid\":\"" + keyId + "\"}").getBytes(StandardCharsets.UTF_8));
		try {
			Signature signer = Signature.getInstance("SHA256withRSA");
			signer.initSign(key);
			signer.update((header + "." + encoder.encodeToString(value.getBytes(StandardCharsets.UTF_8)))
				.getBytes(StandardCharsets.US_ASCII));
			return header + ".." + encoder.encodeToString(signer.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static @Nullable KafkaProducer<String, String> producer;

	/**
	 * A producer on this JVM's broker, shared by the tests that use it and closed when the JVM ends.
	 * @return the producer
	 */
	public static synchronized KafkaProducer<String, String> producer() {
		KafkaProducer<String, String> shared = producer;
		if (shared == null) {
			shared = new KafkaProducer<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.kafka().bootstrapServers()),
					new StringSerializer(), new StringSerializer());
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "dev-banks-producer-close"));
			producer = shared;
		}
		return shared;
	}

	/** Publishes a record with the given headers and waits for the broker. */
	public static RecordMetadata publish(KafkaProducer<String, String> producer, String topic, String key, String value,
			Map<String, String> headers) {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
		headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
		try {
			return producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A valid 10-digit MST (check digit per VN-ETAX §3.2) made from a number; distinct numbers give
	 * distinct MSTs, prefixes whose check digit would be 10 are skipped.
	 */
	public static String mst(long seed) {
		int[] weights = { 31, 29, 23, 19, 17, 13, 7, 5, 3 };
		for (long n = seed * 11;; n++) {
			String prefix = String.format("%09d", n % 1_000_000_000L);
			int sum = 0;
			for (int i = 0; i < 9; i++) {
				sum += weights[i] * (prefix.charAt(i) - '0');
			}
			if (sum % 11 != 0) {
				return prefix + ((10 - sum % 11) % 10);
			}
		}
	}

	/** A JSON confirmation version 1 with one line per amount (sub-items 1701, 4931, 1052). */
	public static String confirmation(String bank, String reference, String mst, String paymentDate,
			List<Line> lines) {
		StringBuilder json = new StringBuilder();
		long total = 0;
		for (Line line : lines) {
			if (json.length() > 0) {
				json.append(',');
			}
			total += line.amount();
			json.append("{\"chapter\":\"754\",\"subItem\":\"").append(line.subItem()).append("\",\"taxPeriod\":\"")
				.append(line.taxPeriod()).append("\",\"amount\":").append(line.amount());
			if (line.payableItemId() != null) {
				json.append(",\"payableItemId\":\"").append(line.payableItemId()).append('"');
			}
			json.append('}');
		}
		return """
				{"version":1,"bankCode":"%s","bankReference":"%s","voucherNumber":"GNT-%s","payerMst":"%s",\
				"currency":"VND","amount":%d,"paymentDate":"%s","sentAt":"%s","status":"DEBITED",\
				"treasuryCode":"0111","treasuryAccount":"7111","collectingAgencyCode":"1054321","areaCode":"79760",\
				"lines":[%s]}"""
			.formatted(bank, reference, reference.substring(Math.max(0, reference.length() - 8)), mst, total,
					paymentDate, sentAt(paymentDate), json);
	}

	/**
	 * 09:00 in Vietnam on the payment date, or now if that is still to come (a payment dated today or
	 * tomorrow): a send time later than its receipt is refused.
	 */
	private static String sentAt(String paymentDate) {
		OffsetDateTime nine = LocalDate.parse(paymentDate).atTime(9, 0).atOffset(ZoneOffset.ofHours(7));
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS);
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(nine.isAfter(now) ? now : nine);
	}

	/** A voucher line for {@link #confirmation}. */
	public record Line(String subItem, String taxPeriod, long amount, String payableItemId) {

		public static Line of(String subItem, long amount) {
			return new Line(subItem, "00/Q1/2026", amount, null);
		}

		public static Line naming(String itemId, String subItem, long amount) {
			return new Line(subItem, "00/Q1/2026", amount, itemId);
		}

	}

}
