package etax.payment.correction;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import etax.access.Caller;
import etax.payment.correction.CorrectionRepository.CodedMoney;
import etax.payment.ledger.HeldCredit;
import etax.payment.ledger.HeldCreditRefusedException;
import etax.payment.ledger.HeldCreditResolutions;
import etax.payment.ledger.HeldCreditResolutions.Kind;
import etax.payment.office.TaxOffices;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What a correction request must fit in what the gateway recorded, judged when it is proposed and again when
 * it is recorded (then under the payment's row lock, {@link CorrectionRepository#lockPayment}): the voucher
 * (and line) it names is recorded, except for a RECORD, whose payment is not (whatever line it names: a payment is
 * recorded whole), and a request about a recorded payment, a RECORD's included, comes from an officer of the
 * payment's tax office or a national officer (docs/adr/0022-office-scope-at-the-gateway.md); a REVERSE takes back
 * nothing reversed already (by the bank, or by a recorded REVERSE of the payment or of the line), and a RECODE moves
 * none of such money (it went back to the payer); an APPLY_HELD or RELEASE_HELD names a line whose credit is held for
 * an officer and not resolved. A RECORD is about a payment the gateway never recorded, of no office here: its office
 * is the reconciliation's to judge. It also carries out a recorded APPLY_HELD or RELEASE_HELD.
 */
@Component
class VoucherChecks {

	private final CorrectionRepository repository;

	private final HeldCreditResolutions heldCredits;

	private final TaxOffices offices;

	VoucherChecks(CorrectionRepository repository, HeldCreditResolutions heldCredits, TaxOffices offices) {
		this.repository = repository;
		this.heldCredits = heldCredits;
		this.offices = offices;
	}

	/** @throws CorrectionRefusedException when the request does not fit, saying why */
	void check(CorrectionRequest request, Caller caller) {
		// a payment is recorded whole: a RECORD naming a line the recorded voucher lacks is about a recorded payment
		// all the same, and is judged, office first, as one
		boolean recorded = this.repository.voucherKnown(request.bankCode(), request.bankReference(), null);
		String voucher = voucher(request);
		if (recorded && !this.offices.mayActOn(caller,
				this.repository.collectingAgency(request.bankCode(), request.bankReference()))) {
			throw CorrectionRefusedException.outsideOffice(String.valueOf(caller.taxOffice()), voucher);
		}
		if (recorded && "RECORD".equals(request.kind())) {
			throw CorrectionRefusedException.invalid("The payment of " + voucher + " is recorded at the gateway now: "
					+ "a RECORD is for a payment the gateway never recorded; run the reconciliation of its day again, "
					+ "or send the resolution back");
		}
		if (!"RECORD".equals(request.kind()) && !(recorded && lineRecorded(request))) {
			throw CorrectionRefusedException.invalid("The gateway has no recorded payment of " + voucher + ": a "
					+ request.kind() + " is about a payment (and line) the gateway recorded");
		}
		if ("REVERSE".equals(request.kind()) || "RECODE".equals(request.kind())) {
			this.repository.reversalOf(request.bankCode(), request.bankReference()).ifPresent((reversed) -> {
				throw CorrectionRefusedException.invalid("The payment of " + voucher + " is the bank's reversal of "
						+ reversed + ": a " + request.kind() + " is about a payment; the bank undoes its own reversal");
			});
			checkNotReversed(request, voucher);
		}
		if ("RECODE".equals(request.kind())) {
			checkCoding(request, voucher);
		}
		if ("RECORD".equals(request.kind())) {
			// one per voucher, whatever line each names: a RECORD has the whole payment re-driven
			this.repository.recordedRecord(request.bankCode(), request.bankReference())
				.ifPresent((earlier) -> {
					throw CorrectionRefusedException.recordedBefore(voucher, "RECORD", earlier.requestNumber(),
							earlier.correctionId());
				});
		}
		if (request.resolvesHeldCredit()) {
			UUID posting = linePosting(request);
			try {
				this.heldCredits.check(posting, voucher, Kind.valueOf(request.kind()));
			}
			catch (HeldCreditRefusedException ex) {
				throw refused(ex);
			}
		}
	}

	/**
	 * Carries out a recorded request that resolves a held credit, in the transaction that records it.
	 * @throws CorrectionRefusedException when the credit cannot be resolved (so nothing is recorded)
	 */
	HeldCredit.Resolution resolveHeldCredit(CorrectionRequest request, RecordedCorrection recorded) {
		try {
			return this.heldCredits.resolve(linePosting(request), voucher(request), Kind.valueOf(request.kind()),
					recorded.correctionId(), recorded.requestedBy(), recorded.approvedBy());
		}
		catch (HeldCreditRefusedException ex) {
			throw refused(ex);
		}
	}

	private boolean lineRecorded(CorrectionRequest request) {
		return request.lineNumber() == null
				|| this.repository.voucherKnown(request.bankCode(), request.bankReference(), request.lineNumber());
	}

	private void checkNotReversed(CorrectionRequest request, String voucher) {
		String payment = "bank " + request.bankCode() + " reference " + request.bankReference();
		this.repository.bankReversal(request.bankCode(), request.bankReference()).ifPresent((reversal) -> {
			throw CorrectionRefusedException.reversedByBank(payment, reversal, request.kind());
		});
		this.repository.recordedReverse(request.bankCode(), request.bankReference(), request.lineNumber())
			.ifPresent((earlier) -> {
				throw CorrectionRefusedException.reversedByRequest(voucher, earlier.requestNumber(),
						earlier.correctionId(), request.kind());
			});
	}

	/**
	 * A RECODE moves money from a coding the line's money has now ({@link CodingParts}: the line's own, or what
	 * recorded RECODEs made part or all of it: chapter, sub-item, area and amount) and names that line's posting: one
	 * from another coding (a second RECODE of the same money, sent again after the line was reclassified, an
	 * area-only one included) or of another posting would have the treasury move money that is not there. The
	 * amounts are the voucher's, in its currency (the bank's amount of a USD line, not its VND value), so they are
	 * compared in it, whatever the currency; and a RECODE moves at most what that coding holds.
	 */
	private void checkCoding(CorrectionRequest request, String voucher) {
		CorrectionRepository.RecodedLine line = this.repository
			.recodedLine(request.bankCode(), request.bankReference(), Objects.requireNonNull(request.lineNumber()))
			.orElseThrow(() -> CorrectionRefusedException.invalid("The gateway has no recorded payment line of " + voucher));
		if (request.postingId() != null && !request.postingId().equals(line.postingId())) {
			throw CorrectionRefusedException.invalid("The posting " + request.postingId() + " is not the posting of "
					+ voucher + " (" + line.postingId() + ")");
		}
		CorrectionRequest.Coding paid = Objects.requireNonNull(request.paid());
		CorrectionRequest.Coding corrected = Objects.requireNonNull(request.corrected());
		requireCurrency(paid.currency(), line.currency(), voucher);
		requireCurrency(corrected.currency(), line.currency(), voucher);
		List<CodedMoney> parts = CodingParts.of(line);
		CodedMoney from = parts.stream()
			.filter((part) -> part.chapter().equals(paid.chapter()) && part.subItem().equals(paid.subItem())
					&& part.areaCode().equals(paid.areaCode()) && paid.amount() != null
					&& paid.amount().compareTo(Objects.requireNonNull(part.amount())) == 0)
			.findFirst()
			.orElseThrow(() -> CorrectionRefusedException.invalid("The money of " + voucher + " is coded "
					+ parts.stream().map((part) -> describe(part, line.currency())).collect(Collectors.joining("; "))
					+ ": a RECODE names " + ((parts.size() > 1) ? "one of those codings" : "that coding")
					+ " as paid"));
		BigDecimal moved = Objects.requireNonNull(corrected.amount());
		BigDecimal holds = Objects.requireNonNull(from.amount());
		if (moved.compareTo(holds) > 0) {
			throw CorrectionRefusedException.invalid("The corrected amount " + moved.toPlainString() + " "
					+ line.currency() + " is more than " + voucher + " holds (" + holds.toPlainString() + " "
					+ line.currency() + "): a RECODE moves at most the line's money");
		}
	}

	private static String describe(CodedMoney part, String currency) {
		String how = (part.recodedBy() != null) ? "as correction request " + part.recodedBy() + " re-coded it"
				: "as paid";
		return "chapter " + part.chapter() + ", sub-item " + part.subItem() + ", area " + part.areaCode() + ", "
				+ Objects.requireNonNull(part.amount()).toPlainString() + " " + currency + " " + how;
	}

	private static void requireCurrency(@Nullable String currency, String voucherCurrency, String voucher) {
		if (currency != null && !currency.equals(voucherCurrency)) {
			throw CorrectionRefusedException.invalid("The payment of " + voucher + " is in " + voucherCurrency
					+ ": a RECODE names its amounts in it, not in " + currency);
		}
	}

	private UUID linePosting(CorrectionRequest request) {
		Integer number = request.lineNumber();
		return ((number != null) ? this.repository.linePosting(request.bankCode(), request.bankReference(), number)
				: Optional.<UUID>empty())
			.orElseThrow(() -> CorrectionRefusedException.invalid("The gateway has no recorded payment line of "
					+ voucher(request) + ": a " + request.kind() + " is about a recorded line"));
	}

	private static CorrectionRefusedException refused(HeldCreditRefusedException ex) {
		return (ex.reason() == HeldCreditRefusedException.Reason.RESOLVED)
				? CorrectionRefusedException.heldCreditResolved(ex.getMessage())
				: CorrectionRefusedException.invalid(ex.getMessage());
	}

	private static String voucher(CorrectionRequest request) {
		return "bank " + request.bankCode() + " reference " + request.bankReference()
				+ ((request.lineNumber() != null) ? " line " + request.lineNumber() : "");
	}

}
