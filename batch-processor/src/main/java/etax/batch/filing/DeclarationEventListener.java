package etax.batch.filing;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code etax.declarations.v1} in batches: every poll becomes one insert. Offsets are committed
 * after the insert, so a crash in between redelivers the poll and the event id absorbs it. A database
 * failure propagates and the whole poll is retried (see {@link DeclarationEventsKafkaConfiguration}).
 */
@Component
class DeclarationEventListener {

	private static final Logger log = LoggerFactory.getLogger(DeclarationEventListener.class);

	private final DeclarationEventReader reader;

	private final FiledReturnRecording recording;

	DeclarationEventListener(DeclarationEventReader reader, FiledReturnRecording recording) {
		this.reader = reader;
		this.recording = recording;
	}

	// The summary is of a day: a poll may wait half a second for more events, rather than wake (and commit
	// offsets) for every few; under filing load the small polls cost more than recording the events.
	@KafkaListener(id = "declaration-events", groupId = "batch-processor", topics = "etax.declarations.v1",
			batch = "true", properties = { "fetch.min.bytes=65536", "fetch.max.wait.ms=500" })
	void on(List<ConsumerRecord<String, String>> records) {
		List<FiledReturn> returns = new ArrayList<>(records.size());
		for (ConsumerRecord<String, String> record : records) {
			String position = record.topic() + "-" + record.partition() + "@" + record.offset();
			this.reader.read(record.value(), position).ifPresent(returns::add);
		}
		this.recording.record(returns);
		log.debug("Recorded declaration events polled={} returns={}", records.size(), returns.size());
	}

}
