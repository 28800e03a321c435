package etax.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;

import javax.sql.DataSource;

import etax.batch.jobs.DayLocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A day's lock the database cannot take now is its outage, not a fault of the service: a 503 with
 * {@code Retry-After} to an API caller, tried again later in the background ({@link DatabaseOutages}).
 */
class DayLockOutagesTests {

	private static final LocalDate DAY = LocalDate.of(2025, 3, 20);

	private final DataSource dataSource = mock(DataSource.class);

	private final Connection connection = mock(Connection.class);

	private final DayLocks locks = new DayLocks(this.dataSource, "test-job") {
	};

	@Test
	void noConnectionToTakeItOnIsAnOutage() throws SQLException {
		when(this.dataSource.getConnection()).thenThrow(new SQLException("Connection refused", "08001"));

		RuntimeException failure = catchRuntimeException(() -> this.locks.tryHold(DAY));

		assertThat(failure).isInstanceOf(DataAccessResourceFailureException.class);
		assertThat(DatabaseOutages.isOutage(failure)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "08006", "57P01", "53300", "40P01", "57014", "XX000" })
	void aLockStatementTheDatabaseFailsIsAnOutageAndEndsItsSession(String sqlState) throws SQLException {
		failLockStatement(sqlState);

		RuntimeException failure = catchRuntimeException(() -> this.locks.tryHold(DAY));

		assertThat(DatabaseOutages.isOutage(failure)).as("%s", failure).isTrue();
		verify(this.connection).abort(any());
		verify(this.connection).close();
	}

	@Test
	void aDeadlockIsNamedAsSuch() throws SQLException {
		failLockStatement("40P01");

		assertThat(catchRuntimeException(() -> this.locks.tryHold(DAY)))
			.isInstanceOf(PessimisticLockingFailureException.class);
	}

	@Test
	void aLaunchThatCannotTakeItsDaysLockAnswers503WithRetryAfter() throws SQLException {
		when(this.dataSource.getConnection()).thenThrow(new SQLException("Connection refused", "08001"));
		MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(new Launches(this.locks))
			.setControllerAdvice(new ApiExceptionHandler())
			.build());

		assertThat(mvc.get().uri("/launch").exchange()).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasHeader(HttpHeaders.RETRY_AFTER, "2")
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo(Problems.TYPES + "temporarily-unavailable");
	}

	private void failLockStatement(String sqlState) throws SQLException {
		PreparedStatement statement = mock(PreparedStatement.class);
		when(this.dataSource.getConnection()).thenReturn(this.connection);
		when(this.connection.getAutoCommit()).thenReturn(true);
		when(this.connection.prepareStatement(anyString())).thenReturn(statement);
		when(statement.executeQuery()).thenThrow(new SQLException("The database failed", sqlState));
	}

	@RestController
	static class Launches {

		private final DayLocks locks;

		Launches(DayLocks locks) {
			this.locks = locks;
		}

		@GetMapping("/launch")
		String launch() {
			this.locks.tryHold(DAY).ifPresent(DayLocks.Held::close);
			return "launched";
		}

	}

}
