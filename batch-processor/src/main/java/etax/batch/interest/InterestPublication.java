package etax.batch.interest;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * {@code interestPublicationStep}: sends every assessment and correction recorded for the day to
 * {@value InterestAssessed#TOPIC} (key: MST) as {@link InterestAssessed} or {@link InterestCorrected}, a
 * page at a time, each page acknowledged by the broker
 * before the one after it is sent, and the last before the step ends. The rows are the record of what
 * was assessed, so nothing needs to be marked: a run that fails here fails the job, and its restart sends
 * the whole day again, which the ledger books once (the event id names the item, the day and the kind). Its step
 * counts nothing: the assessment step's writes are the job's.
 */
final class InterestPublication implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(InterestPublication.class);

	private final DataSource dataSource;

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final LocalDate day;

	private final int pageSize;

	private final Duration sendTimeout;

	InterestPublication(DataSource dataSource, KafkaTemplate<String, String> kafka, JsonMapper json, LocalDate day,
			int pageSize, Duration sendTimeout) {
		this.dataSource = dataSource;
		this.kafka = kafka;
		this.json = json;
		this.day = day;
		this.pageSize = pageSize;
		this.sendTimeout = sendTimeout;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		try (HoldableCursor assessments = HoldableCursor.open(this.dataSource, "interest_publication",
				InterestAssessmentRepository.OF_DAY, (query) -> query.setObject(1, this.day))) {
			long sent = 0;
			CompletableFuture<?> previous = CompletableFuture.completedFuture(null);
			List<InterestEvent> page;
			do {
				page = assessments.fetch(this.pageSize, InterestAssessmentRepository::event);
				CompletableFuture<?> current = send(page);
				// two pages in flight: the broker acknowledges one while the next is read and sent
				await(previous);
				previous = current;
				sent += page.size();
			}
			while (page.size() == this.pageSize);
			await(previous);
			log.info("Published the interest assessed and taken back day={} events={}", this.day, sent);
		}
		return RepeatStatus.FINISHED;
	}

	private CompletableFuture<?> send(List<InterestEvent> page) {
		return CompletableFuture.allOf(page.stream()
			.map((event) -> this.kafka.send(InterestAssessed.TOPIC, event.mst(), this.json.writeValueAsString(event)))
			.toArray(CompletableFuture[]::new));
	}

	/** No flush: it waits without a bound, and the producer sends within its linger time anyway. */
	private void await(CompletableFuture<?> acks) {
		acks.orTimeout(this.sendTimeout.toMillis(), TimeUnit.MILLISECONDS).join();
	}
}
