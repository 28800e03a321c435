package etax.batch.interest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of assessments in the chunk's transaction: moves each item's accrual on to the day
 * (only from the state it was read in), records each change of the items moved, interest assessed or taken
 * back (the job's last step publishes them), and adds them to the day's totals. Either all of it happens
 * or none, so a restart after a failure re-reads exactly the items whose day was not assessed, and nothing
 * is recorded twice. Counts {@code etax.batch.interest.assessed} (items) and
 * {@code etax.batch.interest.amount} (VND), {@code etax.batch.interest.corrected} (items) and
 * {@code etax.batch.interest.taken-back} (VND), by interest sub-item.
 */
final class InterestAssessmentWriter implements ItemWriter<Assessment> {

	private final InterestAccrualRepository accruals;

	private final InterestRunRepository runs;

	private final InterestAssessmentRepository assessments;

	private final Clock clock;

	private final LocalDate day;

	private final Instant readAt;

	private final MeterRegistry meters;

	InterestAssessmentWriter(InterestAccrualRepository accruals, InterestRunRepository runs,
			InterestAssessmentRepository assessments, Clock clock, LocalDate day, Instant readAt, MeterRegistry meters) {
		this.accruals = accruals;
		this.runs = runs;
		this.assessments = assessments;
		this.clock = clock;
		this.day = day;
		this.readAt = readAt;
		this.meters = meters;
	}

	@Override
	public void write(Chunk<? extends Assessment> chunk) {
		Set<String> advanced = this.accruals.advance(this.day, chunk.getItems(), this.readAt);
		List<Assessment> changes = chunk.getItems()
			.stream()
			.filter((a) -> a.amount() != 0 && advanced.contains(a.payableItemId()))
			.map(Assessment.class::cast)
			.toList();
		this.assessments.append(this.day, this.clock.instant(), changes);
		this.runs.add(this.day, changes);
		count(changes);
	}

	private void count(List<Assessment> changes) {
		Map<String, List<Assessment>> bySubItem = changes.stream()
			.collect(Collectors.groupingBy((a) -> a.interestSubItem().code()));
		bySubItem.forEach((subItem, assessments) -> {
			List<Assessment> charged = assessments.stream().filter((a) -> a.kind() == Assessment.Kind.ASSESSED).toList();
			List<Assessment> corrected = assessments.stream().filter((a) -> a.kind() == Assessment.Kind.CORRECTED).toList();
			counter("etax.batch.interest.assessed", "Payable items assessed interest", subItem).increment(charged.size());
			counter("etax.batch.interest.amount", "Interest assessed", subItem)
				.increment(charged.stream().mapToLong(Assessment::recorded).sum());
			counter("etax.batch.interest.corrected", "Payable items whose interest published in excess was taken back",
					subItem)
				.increment(corrected.size());
			counter("etax.batch.interest.taken-back", "Interest published in excess and taken back", subItem)
				.increment(corrected.stream().mapToLong(Assessment::recorded).sum());
		});
	}

	private Counter counter(String name, String description, String subItem) {
		return Counter.builder(name).description(description).tag("interest.sub.item", subItem).register(this.meters);
	}

}
