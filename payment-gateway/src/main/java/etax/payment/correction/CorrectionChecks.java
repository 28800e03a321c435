package etax.payment.correction;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import etax.payment.reference.ReferenceData;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What a correction request must be to be recorded, said in the words an officer acts on (the caller shows
 * them): its kind fits what it names, a corrected coding uses a budget chapter and an economic sub-item in
 * force on the payment date (today for a payment not recorded here), and every amount is positive with the
 * decimals its currency has (whole đồng for VND, cents for USD) and no more than 18 digits before them.
 */
@Component
class CorrectionChecks {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Set<String> CURRENCIES = Set.of("VND", "USD");

	/** The least amount a request's columns cannot hold (numeric(20,2), V21): refused here, not by the insert. */
	private static final BigDecimal TOO_LARGE = BigDecimal.TEN.pow(18);

	private final ReferenceData reference;

	private final CorrectionRepository repository;

	private final Clock clock;

	CorrectionChecks(ReferenceData reference, CorrectionRepository repository, Clock clock) {
		this.reference = reference;
		this.repository = repository;
		this.clock = clock;
	}

	/** @throws CorrectionRefusedException listing every problem, when there is one */
	void check(CorrectionRequest request) {
		List<String> problems = new ArrayList<>();
		if (!CorrectionRequest.KINDS.contains(request.kind())) {
			problems.add("the kind " + request.kind() + " is none of RECODE, REVERSE, RECORD, APPLY_HELD and RELEASE_HELD");
		}
		if (request.resolvesHeldCredit()) {
			if (request.lineNumber() == null) {
				problems.add(request.kind() + " is about the one line whose credit is held: name its line number");
			}
			if (request.corrected() != null) {
				problems.add(request.kind() + " changes no coding: give no corrected coding");
			}
		}
		CorrectionRequest.Coding paid = request.paid();
		CorrectionRequest.Coding corrected = request.corrected();
		if ("RECODE".equals(request.kind())) {
			if (request.lineNumber() == null) {
				problems.add("a RECODE is about one line of the voucher: name its line number");
			}
			if (corrected == null || corrected.chapter() == null || corrected.subItem() == null
					|| corrected.amount() == null) {
				problems.add("a RECODE gives the corrected chapter, sub-item and amount");
			}
			else if (paid == null || paid.amount() == null || paid.areaCode() == null) {
				// the coding as paid is what the line holds, checked against it: the RECODE moves that money
				problems.add("a RECODE gives the coding as paid, with its area and amount, beside the corrected one");
			}
			else if (!request.changesCoding()) {
				problems.add("the corrected chapter, sub-item and area (the area as paid when none is given) are those as "
						+ "paid: a RECODE must change something");
			}
		}
		String fallback = currency(corrected, currency(paid, "VND"));
		amount(problems, "paid", paid, fallback);
		amount(problems, "corrected", corrected, fallback);
		if (corrected != null) {
			LocalDate day = this.repository.paymentDate(request.bankCode(), request.bankReference())
				.orElseGet(() -> LocalDate.now(this.clock.withZone(VIETNAM)));
			if (corrected.chapter() != null && !this.reference.isKnownChapter(corrected.chapter(), day)) {
				problems.add("the corrected chapter " + corrected.chapter() + " is not a budget chapter in force on "
						+ day);
			}
			if (corrected.subItem() != null && !this.reference.isKnownSubItem(corrected.subItem(), day)) {
				problems.add("the corrected sub-item " + corrected.subItem()
						+ " is not an economic sub-item (NDKT) in force on " + day);
			}
		}
		if (!problems.isEmpty()) {
			throw CorrectionRefusedException.invalid("Correction request " + request.requestNumber()
					+ " cannot be recorded: " + String.join("; ", problems));
		}
	}

	private static void amount(List<String> problems, String which, CorrectionRequest.@Nullable Coding coding,
			String fallback) {
		if (coding == null) {
			return;
		}
		String currency = currency(coding, fallback);
		if (!CURRENCIES.contains(currency)) {
			problems.add("the " + which + " currency " + currency + " is neither VND nor USD");
			return;
		}
		BigDecimal amount = coding.amount();
		if (amount == null) {
			return;
		}
		if (amount.signum() <= 0) {
			problems.add("the " + which + " amount " + shown(amount) + " " + currency + " is not positive");
		}
		else if (amount.stripTrailingZeros().scale() > ("VND".equals(currency) ? 0 : 2)) {
			problems.add("the " + which + " amount " + shown(amount) + " " + currency
					+ ("VND".equals(currency) ? " is not a whole number of đồng" : " has more than 2 decimals"));
		}
		else if (amount.compareTo(TOO_LARGE) >= 0) {
			problems.add("the " + which + " amount " + shown(amount) + " " + currency
					+ " is too large: an amount has at most 18 digits before the decimal point");
		}
	}

	/**
	 * An amount as an officer reads it: written out, unless that is longer than any amount (an exponent of the
	 * JSON number, 1e999999999, would take a gigabyte); then as a power of ten, as the caller wrote it.
	 */
	private static String shown(BigDecimal amount) {
		return (amount.scale() < -20 || amount.scale() > 40 || amount.precision() > 40) ? amount.toString()
				: amount.toPlainString();
	}

	private static String currency(CorrectionRequest.@Nullable Coding coding, String fallback) {
		return (coding != null && coding.currency() != null) ? coding.currency() : fallback;
	}

}
