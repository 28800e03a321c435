package etax.payment.confirmation.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import etax.access.Caller;
import etax.payment.confirmation.BankConfirmation;
import etax.payment.confirmation.ConfirmationLine;
import etax.payment.confirmation.ConfirmationNotFoundException;
import etax.payment.confirmation.PaymentRecording;
import etax.payment.confirmation.PaymentRecording.ReferenceOutcome;
import etax.payment.confirmation.RecordedConfirmation;
import etax.payment.confirmation.RedriveOrigin;
import etax.payment.confirmation.UnbookedConfirmation;
import etax.payment.office.OfficeScope;
import etax.payment.office.TaxOffices;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payments/confirmations")
class ConfirmationController {

	private final PaymentRecording recording;

	private final TaxOffices offices;

	ConfirmationController(PaymentRecording recording, TaxOffices offices) {
		this.recording = recording;
		this.offices = offices;
	}

	/**
	 * The booked confirmation under the key; when there is none, what the bank reported as pending or failed
	 * (no money moved): those are recorded too and must not look like nothing. One of another office's payments
	 * is not found, as one never recorded (ADR 0022).
	 */
	@Operation(summary = "A recorded bank confirmation with its lines and their treasury posting ids, or the "
			+ "pending or failed one recorded under the key",
			description = "An office's officer reads the confirmations of its office's payments (the office their "
					+ "collecting agency maps to), the payment desk also those of agencies not mapped, a national "
					+ "officer all; any other answers 404 confirmation-not-found, as a reference never recorded.")
	@GetMapping("/{bankCode}/{bankReference}")
	ConfirmationView confirmation(@PathVariable String bankCode, @PathVariable String bankReference,
			@AuthenticationPrincipal Caller caller) {
		ReferenceOutcome outcome = this.recording.outcome(bankCode, bankReference);
		OfficeScope scope = this.offices.scopeOf(caller);
		if (outcome.recorded().isPresent()) {
			if (scope.seesPayment(outcome.recorded().get().confirmation().collectingAgencyCode())) {
				return ConfirmationResponse.of(outcome.recorded().get());
			}
		}
		else if (!outcome.unbooked().isEmpty()
				&& outcome.unbooked().stream().allMatch((u) -> scope.seesPayment(u.collectingAgencyCode()))) {
			return UnbookedResponse.of(outcome.unbooked());
		}
		throw ConfirmationNotFoundException.forKey(bankCode, bankReference);
	}

	/** What the officer view answers: a booked confirmation or an unbooked one. */
	sealed interface ConfirmationView permits ConfirmationResponse, UnbookedResponse {

	}

	/**
	 * A pending or failed confirmation: FAILED when the bank reported the debit failed (final), else PENDING.
	 * @param statuses every status recorded under the key, oldest first
	 * @param origin {@code BANK} or {@code OFFICER_REDRIVE}, of the one shown
	 * @param redrive for {@code OFFICER_REDRIVE}: the rejection, who re-drove it and when
	 */
	record UnbookedResponse(String bankCode, String bankReference, String status, String payerMst, BigDecimal amount,
			String currency, LocalDate paymentDate, Instant receivedAt, String contentHash, Source source,
			List<String> statuses, String origin, @Nullable Redrive redrive) implements ConfirmationView {

		static UnbookedResponse of(List<UnbookedConfirmation> unbooked) {
			UnbookedConfirmation shown = unbooked.stream()
				.filter((u) -> u.status().equals(BankConfirmation.Status.FAILED.name()))
				.findFirst()
				.orElse(unbooked.get(unbooked.size() - 1));
			return new UnbookedResponse(shown.bankCode(), shown.bankReference(), shown.status(), shown.payerMst(),
					shown.amount(), shown.currency(), shown.paymentDate(), shown.receivedAt(), shown.contentHash(),
					new Source(shown.source().topic(), shown.source().partition(), shown.source().offset()),
					unbooked.stream().map(UnbookedConfirmation::status).toList(), Redrive.origin(shown.redrive()),
					Redrive.of(shown.redrive()));
		}

	}

	/**
	 * A booked confirmation.
	 * @param origin {@code BANK} when it is the bank's own message, {@code OFFICER_REDRIVE} when an officer
	 * re-drove a rejected message of the bank (the gateway's intake key signed it on the officer's word)
	 * @param redrive for {@code OFFICER_REDRIVE}: the rejection, who re-drove it and when
	 */
	record ConfirmationResponse(String bankCode, String bankReference, String voucherNumber, String payerMst,
			@Nullable String payerOnBehalfMst, String currency, @Nullable BigDecimal exchangeRate, BigDecimal amount,
			BigDecimal amountVnd, LocalDate paymentDate, Instant sentAt, String status, @Nullable String reversalOf,
			String treasuryCode, String treasuryAccount, String collectingAgencyCode, String areaCode,
			Instant receivedAt, String contentHash, Source source, List<Line> lines, String origin,
			@Nullable Redrive redrive) implements ConfirmationView {

		/** Amounts in VND as recorded (what the ledger holds), not recomputed from the rate. */
		static ConfirmationResponse of(RecordedConfirmation recorded) {
			BankConfirmation c = recorded.confirmation();
			List<Line> lines = IntStream.range(0, c.lines().size()).mapToObj((i) -> {
				ConfirmationLine line = c.lines().get(i);
				return new Line(i + 1, c.postingId(i + 1), line.chapter(), line.subItem(), line.taxPeriod().value(),
						line.amount(), recorded.lineAmountsVnd().get(i), line.payableItemId(), line.returnNumber());
			}).toList();
			return new ConfirmationResponse(c.bankCode(), c.bankReference(), c.voucherNumber(), c.payer().value(),
					(c.payerOnBehalf() != null) ? c.payerOnBehalf().value() : null, c.currency(), c.exchangeRate(),
					c.amount(), recorded.amountVnd(), c.paymentDate(), c.sentAt(), c.status().name(), c.reversalOf(),
					c.treasuryCode(), c.treasuryAccount(), c.collectingAgencyCode(), c.areaCode(), recorded.receivedAt(),
					recorded.contentHash(),
					new Source(recorded.source().topic(), recorded.source().partition(), recorded.source().offset()),
					lines, Redrive.origin(recorded.redrive()), Redrive.of(recorded.redrive()));
		}

	}

	record Line(int lineNumber, UUID postingId, String chapter, String subItem, String taxPeriod, BigDecimal amount,
			BigDecimal amountVnd, @Nullable String payableItemId, @Nullable String returnNumber) {

	}

	record Source(String topic, int partition, long offset) {

	}

	/**
	 * Where a re-driven confirmation came from.
	 * @param rejectionId the rejected message ({@code GET /api/v1/payments/rejected})
	 * @param redrivenBy the officer who re-drove it
	 * @param redrivenAt when
	 */
	record Redrive(long rejectionId, String redrivenBy, @Nullable Instant redrivenAt) {

		static String origin(@Nullable RedriveOrigin redrive) {
			return (redrive != null) ? "OFFICER_REDRIVE" : "BANK";
		}

		static @Nullable Redrive of(@Nullable RedriveOrigin redrive) {
			return (redrive != null) ? new Redrive(redrive.rejectionId(), redrive.redrivenBy(), redrive.redrivenAt())
					: null;
		}

	}

}
