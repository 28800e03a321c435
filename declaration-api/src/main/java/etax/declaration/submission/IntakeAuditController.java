package etax.declaration.submission;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import etax.access.Caller;
import etax.declaration.calendar.PlausibleDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What became of input that was not received: a filer finds out why its upload was refused, an officer answers
 * "my filing vanished" (ADR 0012).
 */
@RestController
class IntakeAuditController {

	private final IntakeAudit audit;

	IntakeAuditController(IntakeAudit audit) {
		this.audit = audit;
	}

	@Operation(summary = "Input that was not received, newest first",
			description = "One line per body refused before it became a return (not authorized for the taxpayer it "
					+ "names, too large, malformed, not a schema-valid return of a known form version): when, the "
					+ "outcome and reason its problem gave, its size and SHA-256, the caller who sent it (token subject "
					+ "and role), the taxpayer it named when it was read that far, and the tax office that manages the "
					+ "taxpayer it concerns. Never the body. A taxpayer, agent or T-VAN sees the lines of its own token "
					+ "subject; an officer those of its tax office (the office that managed, when the line was written, "
					+ "the taxpayer the return named, or else the calling taxpayer or agent); a national officer all. "
					+ "To find an upload, filter by the SHA-256 of the bytes sent.")
	@GetMapping("/api/v1/intake-audit")
	List<IntakeAuditLine> find(
			@Parameter(description = "written at or after, e.g. 2026-05-10T09:00:00+07:00") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @PlausibleDate @Nullable OffsetDateTime from,
			@Parameter(description = "written before") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @PlausibleDate @Nullable OffsetDateTime to,
			@Parameter(description = "refused, malformed or schema") @RequestParam(required = false) @Pattern(
					regexp = "refused|malformed|schema", message = "must be refused, malformed or schema") @Nullable String outcome,
			@Parameter(description = "e.g. NOT_AUTHORIZED, TOO_LARGE, NOT_RECEIVABLE, NOT_WELL_FORMED") @RequestParam(
					required = false) @Pattern(regexp = "[A-Z_]{1,40}",
							message = "must be a reason in capitals, e.g. NOT_AUTHORIZED") @Nullable String reason,
			@Parameter(description = "the SHA-256 of the body sent, 64 hex digits") @RequestParam(
					required = false) @Pattern(regexp = "[0-9a-fA-F]{64}",
							message = "must be 64 hex digits") @Nullable String contentSha256,
			@RequestParam(defaultValue = "0") @Min(value = 0, message = "must be at least 0") @Max(
					value = 1_000, message = "must be at most 1000: narrow the query with its filters") int page,
			@RequestParam(defaultValue = "20") @Min(value = 1, message = "must be at least 1") @Max(value = 200,
					message = "must be at most 200") int size,
			@AuthenticationPrincipal Caller caller) {
		IntakeAuditFilter filter = new IntakeAuditFilter((from != null) ? from.toInstant() : null,
				(to != null) ? to.toInstant() : null, outcome, reason,
				(contentSha256 != null) ? contentSha256.toLowerCase(Locale.ROOT) : null);
		return this.audit.find(filter, caller, page, size);
	}

}
