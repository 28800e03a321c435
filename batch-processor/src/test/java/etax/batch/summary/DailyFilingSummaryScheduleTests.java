package etax.batch.summary;

import java.time.LocalDate;

import etax.batch.jobs.JobExecutionConflictException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class DailyFilingSummaryScheduleTests {

	private final DailyFilingSummaries summaries = mock(DailyFilingSummaries.class);

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(DailyFilingSummarySchedule.class)
		.withBean(DailyFilingSummaries.class, () -> this.summaries);

	@Test
	void runsAtTheConfiguredCron() {
		this.contexts.withPropertyValues("etax.batch.summary.schedule.cron=0 30 0 * * *").run((context) -> {
			assertThat(context.getBeansOfType(ScheduledTaskHolder.class).values()
				.stream()
				.flatMap((holder) -> holder.getScheduledTasks().stream())
				.map((scheduled) -> scheduled.getTask()))
				.singleElement()
				.isInstanceOfSatisfying(CronTask.class,
						(task) -> assertThat(task.getExpression()).isEqualTo("0 30 0 * * *"));
		});
	}

	@Test
	void canBeSwitchedOff() {
		this.contexts.withPropertyValues("etax.batch.summary.schedule.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DailyFilingSummarySchedule.class)
				.doesNotHaveBean(ScheduledTaskHolder.class));
	}

	@Test
	void computesTheLastWeeksDaysADayComputedAlreadyIsNoError() {
		LocalDate yesterday = LocalDate.of(2025, 3, 31);
		given(this.summaries.lastClosedDay()).willReturn(yesterday);
		given(this.summaries.computeScheduled(any(), any()))
			.willThrow(JobExecutionConflictException.instanceComplete("dailyFilingSummaryJob", new RuntimeException()));

		assertThatNoException().isThrownBy(() -> new DailyFilingSummarySchedule(this.summaries).computeClosedDays());

		for (int back = 0; back < DailyFilingSummarySchedule.CATCH_UP_DAYS; back++) {
			verify(this.summaries).computeScheduled(yesterday.minusDays(back), yesterday.plusDays(1));
		}
		verify(this.summaries, times(DailyFilingSummarySchedule.CATCH_UP_DAYS)).computeScheduled(any(), any());
	}

}
