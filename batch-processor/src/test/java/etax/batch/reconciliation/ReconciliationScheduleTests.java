package etax.batch.reconciliation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import etax.batch.BatchProcessorProperties;
import etax.batch.jobs.JobExecutionConflictException;
import etax.batch.jobs.JobExecutionSummary;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** The morning run goes through every pending day, whatever one of them does. */
class ReconciliationScheduleTests {

	private static final LocalDate YESTERDAY = LocalDate.of(2025, 3, 31);

	private final ReconciliationDays days = mock(ReconciliationDays.class);

	private final BatchProcessorProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
		.bindOrCreate("etax.batch", BatchProcessorProperties.class);

	@Test
	void aDayThatFailsKeepsNoLaterDayWaiting() {
		LocalDate outage = YESTERDAY.minusDays(5);
		LocalDate running = YESTERDAY.minusDays(4);
		// within max-wait-days: the schedule asks whether its files are in
		LocalDate unreadable = YESTERDAY.minusDays(1);
		given(this.days.lastClosedDay()).willReturn(YESTERDAY);
		given(this.days.pending(any(), eq(YESTERDAY))).willReturn(List.of(outage, running, unreadable, YESTERDAY));
		given(this.days.ready(any())).willReturn(true);
		given(this.days.ready(unreadable)).willThrow(new DataAccessResourceFailureException("view unreadable"));
		given(this.days.run(outage, ReconciliationSchedule.LAUNCHED_BY))
			.willThrow(new DataAccessResourceFailureException("database down"));
		given(this.days.run(running, ReconciliationSchedule.LAUNCHED_BY))
			.willThrow(JobExecutionConflictException.instanceComplete("reconciliationJob", new RuntimeException()));
		given(this.days.run(YESTERDAY, ReconciliationSchedule.LAUNCHED_BY)).willReturn(
				new JobExecutionSummary(7, 7, "reconciliationJob", Map.of(), "COMPLETED", "COMPLETED", null, null, 0, 0,
						0));

		assertThatNoException().isThrownBy(() -> new ReconciliationSchedule(this.days, this.properties).runPendingDays());

		verify(this.days).run(running, ReconciliationSchedule.LAUNCHED_BY);
		verify(this.days).ready(unreadable);
		verify(this.days).run(YESTERDAY, ReconciliationSchedule.LAUNCHED_BY);
	}

}
