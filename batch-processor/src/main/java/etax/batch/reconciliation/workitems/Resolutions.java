package etax.batch.reconciliation.workitems;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import etax.batch.reconciliation.ReconciledLine;
import etax.batch.reconciliation.ReconciliationDays;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Which resolutions fit a work item, and the correction request one that moves money becomes. The line
 * as last classified decides: a recode or a reversal is about a payment the tax side recorded, a
 * recording about one only the bank has; a line without a bank voucher (only the treasury has it) can
 * only be explained.
 */
@Component
class Resolutions {

	private static final Set<String> BOOKED = Set.of("DEBITED", "REVERSED", "REVERSAL");

	private static final Pattern CHAPTER = Pattern.compile("\\d{3}");

	private static final Pattern SUB_ITEM = Pattern.compile("\\d{4}");

	/** What {@code correction_request.corrected_amount numeric(20,2)} holds before the decimal point. */
	private static final int MAX_INTEGER_DIGITS = 18;

	private final ReconciliationDays days;

	private final WorkItemRepository repository;

	Resolutions(ReconciliationDays days, WorkItemRepository repository) {
		this.days = days;
		this.repository = repository;
	}

	/**
	 * @return the resolution's kind, checked against the item
	 * @throws InvalidResolutionException when it does not fit
	 */
	ResolutionKind check(WorkItem item, Resolution resolution) {
		ResolutionKind kind = resolution.kind();
		if (kind == null || resolution.reason() == null || resolution.reason().isBlank()) {
			throw InvalidResolutionException.of(item.id(), "a resolution has a kind and a reason");
		}
		if (resolution.reason().length() > WorkItems.MAX_TEXT) {
			throw InvalidResolutionException.of(item.id(), "a reason has at most " + WorkItems.MAX_TEXT + " characters");
		}
		if (!kind.movesMoney()) {
			return kind;
		}
		ReconciledLine line = this.days.line(item.businessDay(), item.lineKey()).orElse(null);
		if (line == null || line.bankReference() == null) {
			throw InvalidResolutionException.of(item.id(), "a line without a bank voucher can only be EXPLAINED");
		}
		// a line only the bank has has no tax status (Set.of refuses to look up null)
		boolean booked = line.taxStatus() != null && BOOKED.contains(line.taxStatus());
		if (kind == ResolutionKind.RECORD ? booked || line.bank() == null : !booked || line.tax() == null) {
			throw InvalidResolutionException.of(item.id(), kind == ResolutionKind.RECORD
					? "RECORD is for a payment the bank has and the tax side did not record"
					: kind + " is for a payment the tax side recorded");
		}
		if (kind == ResolutionKind.RECORD && !"DEBITED".equals(line.bankStatus())) {
			// a voucher the bank reports failed, pending or reversed moved no money to record
			throw InvalidResolutionException.of(item.id(), "RECORD is for a payment the bank debited; the bank reports "
					+ "this one " + line.bankStatus());
		}
		if (kind != ResolutionKind.RECORD && !"DEBITED".equals(line.taxStatus())) {
			// a reversal, or a payment reversed already: undoing or re-coding it would pay the money back twice
			throw InvalidResolutionException.of(item.id(), kind + " is for a payment the bank debited; the tax side "
					+ "records this line " + line.taxStatus() + ", which the bank's own reversal settles");
		}
		if (kind == ResolutionKind.RECODE && (resolution.corrected() == null
				|| same(corrected(line.tax(), resolution.corrected()), paid(line.tax())))) {
			throw InvalidResolutionException.of(item.id(), "RECODE needs a corrected coding that differs from the paid one");
		}
		if (kind == ResolutionKind.RECODE) {
			String wrong = wrong(Objects.requireNonNull(resolution.corrected()), line.tax().currency());
			if (wrong != null) {
				throw InvalidResolutionException.of(item.id(), wrong);
			}
		}
		return kind;
	}

	/**
	 * What is wrong with the corrected coding an officer gave, if anything: a chapter is 3 digits, a
	 * sub-item (NDKT) 4, an amount positive, and whole dong for VND (it has no minor unit), at most 2
	 * decimals for another currency. A correction request is recorded for good at the gateway, so nonsense
	 * must not get there.
	 */
	private static @Nullable String wrong(CorrectionRequest.Coding given, @Nullable String currency) {
		if (given.chapter() != null && !CHAPTER.matcher(given.chapter()).matches()) {
			return "the corrected chapter is 3 digits";
		}
		if (given.subItem() != null && !SUB_ITEM.matcher(given.subItem()).matches()) {
			return "the corrected sub-item (NDKT) is 4 digits";
		}
		BigDecimal amount = given.amount();
		if (amount != null && amount.signum() <= 0) {
			return "the corrected amount must be positive";
		}
		if (amount != null && "VND".equals(currency) && amount.stripTrailingZeros().scale() > 0) {
			return "the corrected amount is in whole dong (VND has no minor unit)";
		}
		if (amount != null && amount.stripTrailingZeros().scale() > 2) {
			return "the corrected amount has at most 2 decimals";
		}
		if (amount != null && amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
			return "the corrected amount has at most " + MAX_INTEGER_DIGITS + " digits before the decimal point";
		}
		return null;
	}

	/** The correction request of a checked resolution that moves money, waiting for approval. */
	CorrectionRequest request(WorkItem item, ResolutionKind kind, Resolution resolution, String requestedBy,
			Instant now) {
		ReconciledLine line = this.days.line(item.businessDay(), item.lineKey()).orElseThrow();
		ReconciledLine.Coding leg = Objects.requireNonNull((kind == ResolutionKind.RECORD) ? line.bank() : line.tax());
		CorrectionRequest.Coding paid = paid(leg);
		CorrectionRequest.Coding corrected = (kind == ResolutionKind.RECODE)
				? corrected(leg, Objects.requireNonNull(resolution.corrected())) : paid;
		return new CorrectionRequest(UUID.randomUUID(), this.repository.nextRequestNumber(item.businessDay()), kind,
				Objects.requireNonNull(line.bankCode()), Objects.requireNonNull(line.bankReference()), line.lineNumber(),
				line.postingId(), line.treasuryCode(), paid, corrected, leg.currency(),
				Objects.requireNonNull(resolution.reason()), requestedBy, now, "AWAITING_APPROVAL", null, null);
	}

	private static boolean same(CorrectionRequest.Coding a, CorrectionRequest.Coding b) {
		return Objects.equals(a.chapter(), b.chapter()) && Objects.equals(a.subItem(), b.subItem())
				&& Objects.equals(a.areaCode(), b.areaCode()) && (a.amount() == null ? b.amount() == null
						: b.amount() != null && a.amount().compareTo(b.amount()) == 0);
	}

	private static CorrectionRequest.Coding paid(ReconciledLine.Coding leg) {
		return new CorrectionRequest.Coding(leg.chapter(), leg.subItem(), leg.areaCode(), leg.amount());
	}

	/** The corrected coding: what the officer gave, the rest as paid. */
	private static CorrectionRequest.Coding corrected(ReconciledLine.Coding leg, CorrectionRequest.Coding given) {
		return new CorrectionRequest.Coding((given.chapter() != null) ? given.chapter() : leg.chapter(),
				(given.subItem() != null) ? given.subItem() : leg.subItem(),
				(given.areaCode() != null) ? given.areaCode() : leg.areaCode(),
				(given.amount() != null) ? given.amount() : leg.amount());
	}

}
