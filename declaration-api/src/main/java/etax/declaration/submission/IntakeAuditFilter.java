package etax.declaration.submission;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which intake audit lines to list; an empty field matches every line.
 *
 * @param from written at or after
 * @param to written before
 * @param outcome {@code refused}, {@code malformed} or {@code schema}
 * @param reason e.g. {@code NOT_AUTHORIZED}, {@code TOO_LARGE}, {@code NOT_WELL_FORMED}
 * @param contentSha256 the SHA-256 of the body, 64 lowercase hex digits
 */
record IntakeAuditFilter(@Nullable Instant from, @Nullable Instant to, @Nullable String outcome,
		@Nullable String reason, @Nullable String contentSha256) {

}
