package etax.declaration.submission;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Input that was not received: what was wrong with it and who sent it, never the input itself.
 *
 * @param at when it was refused
 * @param outcome {@code refused} (not authorized for the taxpayer the return names, or too large),
 * {@code malformed} (not a well-formed, safe XML document within limits) or {@code schema} (not a schema-valid
 * return of a known form version)
 * @param reason why: {@code NOT_AUTHORIZED}, {@code TOO_LARGE}, {@code NOT_RECEIVABLE}, or the malformed body's
 * reason ({@code NOT_WELL_FORMED}, {@code FORBIDDEN_CONSTRUCT}, …), as the refusal's problem said
 * @param sizeBytes how much of the body was read
 * @param contentSha256 the SHA-256 of the body as sent, 64 lowercase hex digits; {@code null} when it was not read
 * whole (too large)
 * @param sentBy the caller who sent it
 * @param mst the taxpayer the return named, when it was read that far (a filing not authorized)
 * @param managingOffice the tax office of the taxpayer the line concerns, when it was refused: the taxpayer the
 * return named, or else the calling taxpayer or agent; {@code null} when neither is registered, and always for a
 * filer reading its own lines
 */
public record IntakeAuditLine(Instant at, String outcome, String reason, int sizeBytes, @Nullable String contentSha256,
		SentBy sentBy, @Nullable String mst, @Nullable String managingOffice) {

	IntakeAuditLine withoutOffice() {
		return new IntakeAuditLine(this.at, this.outcome, this.reason, this.sizeBytes, this.contentSha256, this.sentBy,
				this.mst, null);
	}

	/**
	 * The caller who sent refused input.
	 * @param subject its token subject ({@code sub}); {@code null} for lines written before callers were recorded
	 * @param role its role ({@code TAXPAYER}, {@code AGENT}, {@code TVAN}); {@code null} likewise
	 */
	public record SentBy(@Nullable String subject, @Nullable String role) {

	}

}
