package etax.batch.filing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns a value of {@code etax.declarations.v1} into a {@link FiledReturn}, or into nothing: an unknown
 * type or version is not for this service (yet), and a value that cannot be read is skipped rather than
 * blocking the partition. Log lines name the record, never its content (it carries an MST).
 */
@Component
class DeclarationEventReader {

	private static final Logger log = LoggerFactory.getLogger(DeclarationEventReader.class);

	private static final Instant FIRST_STORABLE = Instant.parse("0001-01-01T00:00:00Z");

	/** 10000-01-01 begins in Vietnam (UTC+7, BusinessDays) at 17:00 UTC the day before. */
	private static final Instant PAST_LAST_BUSINESS_DAY = Instant.parse("9999-12-31T17:00:00Z");

	private final JsonMapper jsonMapper;

	DeclarationEventReader(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Reads one value.
	 * @param value the JSON value of the record
	 * @param position where the record sits ({@code topic-partition@offset}), for the log only
	 * @return the filed return, or empty when the event is not one to record
	 */
	Optional<FiledReturn> read(@Nullable String value, String position) {
		DeclarationEvent event;
		try {
			event = (value != null) ? this.jsonMapper.readValue(value, DeclarationEvent.class) : null;
		}
		catch (JacksonException ex) {
			event = null;
		}
		if (event == null) {
			log.warn("Skipped unreadable declaration event at={}", position);
			return Optional.empty();
		}
		FiledReturn.Status status = statusOf(event.type());
		if (status == null) {
			log.debug("Ignored declaration event type={} at={}", event.type(), position);
			return Optional.empty();
		}
		if (event.version() == null || event.version() != 1) {
			log.warn("Ignored declaration event of unknown version type={} version={} at={}", event.type(),
					event.version(), position);
			return Optional.empty();
		}
		if (event.eventId() == null || event.returnId() == null || event.formCode() == null
				|| event.formCode().isBlank() || event.formCode().length() > FiledReturn.MAX_FORM_CODE_LENGTH
				|| event.receivedAt() == null) {
			log.warn("Skipped incomplete declaration event type={} at={}", event.type(), position);
			return Optional.empty();
		}
		if (!storable(event)) {
			// a value PostgreSQL refuses would fail the poll's one insert for ever and stop the partition behind it
			log.warn("Skipped declaration event with values out of range type={} at={}", event.type(), position);
			return Optional.empty();
		}
		return Optional.of(new FiledReturn(event.eventId(), event.returnId(), event.formCode(), status,
				event.receivedAt()));
	}

	/**
	 * Whether PostgreSQL takes the values: a time, and the business day in Vietnam it is stored with, within years 1
	 * to 9999 (an {@code Instant} reaches far beyond, and is written {@code +10000-…} past them; 9999-12-31T20:00Z is
	 * a day of 10000 in Vietnam), a form code without control characters (text refuses NUL). Compared as instants:
	 * one of year 1,000,000,000 has no date-time to ask its year of, and asking threw, for ever, on every poll.
	 */
	private static boolean storable(DeclarationEvent event) {
		Instant receivedAt = Objects.requireNonNull(event.receivedAt());
		if (receivedAt.isBefore(FIRST_STORABLE) || !receivedAt.isBefore(PAST_LAST_BUSINESS_DAY)) {
			return false;
		}
		return Objects.requireNonNull(event.formCode()).chars().noneMatch(Character::isISOControl);
	}

	private static FiledReturn.@Nullable Status statusOf(@Nullable String type) {
		if (DeclarationEvent.RETURN_ACCEPTED.equals(type)) {
			return FiledReturn.Status.ACCEPTED;
		}
		if (DeclarationEvent.RETURN_REJECTED.equals(type)) {
			return FiledReturn.Status.NOT_ACCEPTED;
		}
		return null;
	}

}
