package etax.access;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.BatchUpdateException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactedExceptionTests {

	private static final String STATEMENT = "Batch entry 0 INSERT INTO payment.ledger_line VALUES ('0313829148', 22000000) "
			+ "was aborted: ERROR: new row violates check constraint \"ledger_line_amount_check\"";

	@Test
	void keepsClassesStatesAndStackTracesButNoMessage() {
		BatchUpdateException sql = new BatchUpdateException(STATEMENT, "23514", 0, new int[0]);
		IllegalStateException failure = new IllegalStateException("PreparedStatementCallback; SQL ["
				+ STATEMENT + "]", sql);

		RedactedException redacted = RedactedException.of(failure);

		StringWriter printed = new StringWriter();
		redacted.printStackTrace(new PrintWriter(printed));
		assertThat(printed.toString()).doesNotContain("0313829148")
			.doesNotContain("22000000")
			.doesNotContain("INSERT")
			.contains(IllegalStateException.class.getName())
			.contains("java.sql.BatchUpdateException (SQLState 23514)")
			.contains("RedactedExceptionTests.keepsClassesStatesAndStackTracesButNoMessage");
		assertThat(RedactedException.describe(failure)).isEqualTo("java.sql.BatchUpdateException (SQLState 23514)");
	}

}
