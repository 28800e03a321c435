package etax.batch.reconciliation.workitems;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import etax.batch.reconciliation.LineClass;
import org.jspecify.annotations.Nullable;

/**
 * An exception line of a day, as officers work it.
 *
 * @param id the work item
 * @param businessDay the day
 * @param lineKey the line's key within the day
 * @param lineClass the line's class as last classified
 * @param currency the currency
 * @param amount the amount
 * @param bankCode the bank
 * @param bankReference the bank's reference
 * @param lineNumber the voucher line
 * @param postingId the treasury posting
 * @param taxOffice the tax office of the line (the one its collecting agency maps to, or the agency's code);
 * null when no leg names an agency (national officers only)
 * @param status where it stands
 * @param assignee the officer on it
 * @param resolution how it was resolved, or is proposed to be
 * @param resolutionReason why
 * @param resolvedBy who resolved it
 * @param resolvedAt when
 * @param approvedBy who approved the resolution
 * @param approvedAt when
 * @param createdAt when a run raised it
 * @param updatedAt when it last changed
 */
public record WorkItem(long id, LocalDate businessDay, String lineKey, LineClass lineClass, @Nullable String currency,
		@Nullable BigDecimal amount, @Nullable String bankCode, @Nullable String bankReference,
		@Nullable Integer lineNumber, @Nullable UUID postingId, @Nullable String taxOffice, WorkItemStatus status,
		@Nullable String assignee, @Nullable ResolutionKind resolution, @Nullable String resolutionReason,
		@Nullable String resolvedBy, @Nullable Instant resolvedAt, @Nullable String approvedBy,
		@Nullable Instant approvedAt, Instant createdAt, Instant updatedAt) {

}
