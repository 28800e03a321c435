package etax.declaration.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import etax.ids.TimeOrderedIds;
import etax.schemas.Finding;
import etax.schemas.Severity;

/**
 * Announced on {@code etax.declarations.v1} (key: MST) once a return received but not accepted is committed: a
 * reject or reject-and-stop rule failed (form, context, signature, duplicate). Consumers de-duplicate on
 * {@code eventId}. The rules are named by id only: a finding's value and messages can quote the return's figures.
 *
 * @param ruleIds the rules that refused it, each once, in the order found; its warnings are not named
 */
record ReturnRejected(UUID eventId, String type, int version, Instant occurredAt, UUID returnId,
		String transactionCode, String mst, String formCode, String maTKhai, String formVersion, String filingType,
		int submissionNumber, StoredReturn.Period period, String taxOfficeCode, Instant receivedAt,
		List<String> ruleIds) {

	static ReturnRejected of(StoredReturn stored, Instant now) {
		List<String> ruleIds = stored.findings()
			.stream()
			.filter((finding) -> finding.severity() != Severity.WARNING)
			.map(Finding::ruleId)
			.distinct()
			.toList();
		return new ReturnRejected(TimeOrderedIds.next(), "ReturnRejected", 1, now, stored.id(),
				stored.transactionCode(), stored.mst(), stored.formCode(), stored.maTKhai(), stored.formVersion(),
				stored.filingType(), stored.submissionNumber(), stored.period(), stored.taxOfficeCode(),
				stored.receivedAt(), ruleIds);
	}

}
