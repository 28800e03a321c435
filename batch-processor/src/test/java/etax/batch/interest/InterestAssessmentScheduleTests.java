package etax.batch.interest;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class InterestAssessmentScheduleTests {

	private final InterestAssessments assessments = mock(InterestAssessments.class);

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(InterestAssessmentSchedule.class)
		.withBean(InterestAssessments.class, () -> this.assessments);

	@Test
	void catchesUpAtTheConfiguredCron() {
		this.contexts.withPropertyValues("etax.batch.interest.schedule.cron=0 0 1 * * *").run((context) -> {
			assertThat(context.getBeansOfType(ScheduledTaskHolder.class).values()
				.stream()
				.flatMap((holder) -> holder.getScheduledTasks().stream())
				.map((scheduled) -> scheduled.getTask()))
				.singleElement()
				.isInstanceOfSatisfying(CronTask.class, (task) -> assertThat(task.getExpression()).isEqualTo("0 0 1 * * *"));
			context.getBean(InterestAssessmentSchedule.class).catchUp();
			verify(this.assessments).catchUp();
		});
	}

	@Test
	void canBeSwitchedOff() {
		this.contexts.withPropertyValues("etax.batch.interest.schedule.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InterestAssessmentSchedule.class));
	}

}
