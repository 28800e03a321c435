package etax.batch.filing;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;

/**
 * Records filed returns exactly once per event id, however often Kafka delivers them, and counts the
 * outcome in {@code etax.batch.filed-returns.recorded} ({@code outcome=new|duplicate}).
 */
@Service
class FiledReturnRecording {

	static final String METER = "etax.batch.filed-returns.recorded";

	private final FiledReturnRepository repository;

	private final Counter recordedNew;

	private final Counter recordedDuplicate;

	FiledReturnRecording(FiledReturnRepository repository, MeterRegistry meters) {
		this.repository = repository;
		this.recordedNew = counter(meters, "new");
		this.recordedDuplicate = counter(meters, "duplicate");
	}

	private static Counter counter(MeterRegistry meters, String outcome) {
		return Counter.builder(METER)
			.description("Filed returns received on etax.declarations.v1, by whether they were new")
			.tag("outcome", outcome)
			.register(meters);
	}

	/**
	 * Records one poll's returns in one statement.
	 * @param returns the returns, possibly with the same event more than once
	 */
	void record(Collection<FiledReturn> returns) {
		Map<UUID, FiledReturn> byEvent = new LinkedHashMap<>();
		returns.forEach((filed) -> byEvent.putIfAbsent(filed.eventId(), filed));
		int inserted = this.repository.insertNew(List.copyOf(byEvent.values()));
		this.recordedNew.increment(inserted);
		this.recordedDuplicate.increment(returns.size() - inserted);
	}

}
