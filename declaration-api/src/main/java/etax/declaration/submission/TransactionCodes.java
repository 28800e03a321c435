package etax.declaration.submission;

import java.time.Instant;
import java.time.ZoneId;


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

	String next(Instant receivedAt) {
		long number = this.jdbc.sql("SELECT nextval('filing.transaction_code_seq')").query(Long.class).single();
		return this.prefix + receivedAt.atZone(VIETNAM).getYear() + String.format("%010d", number % SEQUENCE_SPACE);
	}

}
