package etax.batch.filing;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Version 1 of a value on {@code etax.declarations.v1}, as far as batch-processor reads it: a tolerant
 * reader of the contract declaration-api publishes. Fields it does not need (MST, transaction code,
 * period, ...) are ignored and never kept; any field may be missing in a malformed value, so all are
 * nullable until {@link DeclarationEventReader} has checked them.
 *
 * @param eventId unique per event, the de-duplication key
 * @param type {@code ReturnAccepted}, {@code ReturnRejected} or a type this version does not know
 * @param version the shape of the value, {@code 1}
 * @param returnId the stored return the event is about
 * @param formCode the form, e.g. {@code 01/GTGT}
 * @param receivedAt when declaration-api received the return
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DeclarationEvent(@Nullable UUID eventId, @Nullable String type, @Nullable Integer version,
		@Nullable UUID returnId, @Nullable String formCode, @Nullable Instant receivedAt) {

	static final String RETURN_ACCEPTED = "ReturnAccepted";

	static final String RETURN_REJECTED = "ReturnRejected";

}
