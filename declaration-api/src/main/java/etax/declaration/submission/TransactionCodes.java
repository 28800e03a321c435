package etax.declaration.submission;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issues transaction codes (mã giao dịch điện tử, VN-ETAX.md §4): 17 digits, a 3-digit prefix of this
 * installation, the 4-digit year of receipt in Vietnam, and a 10-digit number from a database sequence,
 * so codes are unique across replicas and never reused.
 */
@Component
class TransactionCodes {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final long SEQUENCE_SPACE = 10_000_000_000L;

	private final JdbcClient jdbc;

	private final String prefix;

	TransactionCodes(JdbcClient jdbc, SubmissionProperties properties) {
		this.jdbc = jdbc;
		this.prefix = properties.transactionCodePrefix();
	}

	/**
	 * Issues one code for each of these receipt times, in order, in one round trip.
	 * @param receivedAt when each return was received: the year of its code
	 * @return the codes
	 */
	List<String> next(List<Instant> receivedAt) {
		if (receivedAt.isEmpty()) {
			return List.of();
		}
		List<Long> numbers = this.jdbc.sql("SELECT nextval('filing.transaction_code_seq') FROM generate_series(1, ?)")
			.param(receivedAt.size())
			.query(Long.class)
			.list();
		List<String> codes = new ArrayList<>(numbers.size());
		for (int i = 0; i < numbers.size(); i++) {
			codes.add(this.prefix + receivedAt.get(i).atZone(VIETNAM).getYear()
					+ String.format("%010d", numbers.get(i) % SEQUENCE_SPACE));
		}
		return codes;
	}

}
