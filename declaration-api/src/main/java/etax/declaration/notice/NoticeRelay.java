package etax.declaration.notice;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@value Notices#TOPIC} in polls and passes the notices other services publish there to the filers'
 * webhooks, one transaction per poll ({@link Notices#relay(List)}): batch-processor's {@code BatchCompleted} to the
 * webhooks of the batch's filer, the gateway's {@code ArrearsNotified} to those the taxpayer registered for itself.
 * This service's own acceptance notices, and types it does not know, are passed over. Offsets are committed after
 * the transaction; a poll read again queues nothing twice (one delivery per webhook and event id).
 */
@Component
class NoticeRelay {

	private static final Logger log = LoggerFactory.getLogger(NoticeRelay.class);

	private final Notices notices;

	private final JsonMapper json;

	NoticeRelay(Notices notices, JsonMapper json) {
		this.notices = notices;
		this.json = json;
	}

	@KafkaListener(id = "notices", groupId = "declaration-api-notices", topics = Notices.TOPIC, batch = "true",
			properties = { "isolation.level=read_committed", "auto.offset.reset=earliest" })
	void on(List<ConsumerRecord<String, String>> records) {
		List<Notices.PublishedNotice> published = new ArrayList<>();
		for (ConsumerRecord<String, String> record : records) {
			try {
				Notices.PublishedNotice notice = read(record.value());
				if (notice != null) {
					published.add(notice);
				}
			}
			catch (JacksonException | IllegalArgumentException | DateTimeException ex) {
				log.warn("Notice not readable position={}-{}@{} reason={}", record.topic(), record.partition(),
						record.offset(), ex.getClass().getSimpleName());
			}
		}
		if (!published.isEmpty()) {
			// most polls hold only this service's own acceptance notices: no transaction for them
			this.notices.relay(published);
		}
	}

	private Notices.@Nullable PublishedNotice read(String value) {
		JsonNode event = this.json.readTree(value);
		String type = event.path("type").asString("");
		return switch (type) {
			case "BatchCompleted" -> notice(event, type, required(event, "filer"), null, value);
			case "ArrearsNotified" -> notice(event, type, null, required(event, "mst"), value);
			default -> null;
		};
	}

	private static Notices.PublishedNotice notice(JsonNode event, String type, @Nullable String filer,
			@Nullable String taxpayer, String payload) {
		return new Notices.PublishedNotice(UUID.fromString(required(event, "eventId")), type,
				Instant.parse(required(event, "occurredAt")), filer, taxpayer, payload);
	}

	private static String required(JsonNode event, String field) {
		String value = event.path(field).asString("");
		if (value.isBlank()) {
			throw new IllegalArgumentException("no " + field);
		}
		return value;
	}

}
