package etax.payment.sandbox;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.access.Caller;
import etax.payment.bank.BankRegistry;
import etax.payment.confirmation.BankIntake;
import etax.payment.confirmation.BankIntake.Accepted;
import etax.payment.ledger.Balance;
import etax.payment.ledger.TaxpayerLedger;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pays a taxpayer's payable item from the sandbox's bank: a confirmation version 1 of one line naming the
 * item, sent through the bank intake as that bank would send it, then recorded, allocated and posted to
 * the treasury like any other. Only where the sandbox is on; only the taxpayer's own items.
 */
@RestController
@ConditionalOnBooleanProperty("etax.sandbox.enabled")
class SandboxBank {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** The most digits a payment may have: what a long and the ledger's {@code numeric(18,0)} hold. */
	private static final int MAX_DIGITS = 18;

	private final TaxpayerLedger ledger;

	private final BankIntake intake;

	private final BankRegistry banks;

	private final JsonMapper json;

	private final Clock clock;

	private final String bankCode;

	SandboxBank(TaxpayerLedger ledger, BankIntake intake, BankRegistry banks, JsonMapper json, Clock clock,
			@Value("${etax.sandbox.bank-code:01202001}") String bankCode) {
		this.ledger = ledger;
		this.intake = intake;
		this.banks = banks;
		this.json = json;
		this.clock = clock;
		this.bankCode = bankCode;
	}

	@Operation(summary = "Sandbox only: pay one of your payable items from the sandbox's bank",
			description = "The whole outstanding amount unless an amount is given; paid today (Asia/Ho_Chi_Minh) "
					+ "unless a payment date is given (a late date accrues late-payment interest). 202 once the "
					+ "confirmation is on the bank topic; the balance shows it within moments. 404 when no such "
					+ "item of yours is booked yet: items are booked shortly after the return is accepted; 400 without "
					+ "payableItemId; 422 (invalid-sandbox-payment) for an amount that is not positive whole VND or a "
					+ "payment date after today or before the bank was registered.")
	@PostMapping("/api/v1/sandbox/bank-payments")
	@ResponseStatus(HttpStatus.ACCEPTED)
	SandboxPayment pay(@RequestBody PaymentRequest request, @AuthenticationPrincipal Caller taxpayer) {
		String mst = taxpayer.requireMst();
		if (request.payableItemId() == null || request.payableItemId().isBlank()) {
			throw refused(HttpStatus.BAD_REQUEST, "payableItemId is required: the item to pay, as in the acceptance notice");
		}
		LocalDate today = LocalDate.now(this.clock.withZone(VIETNAM));
		LocalDate paid = (request.paymentDate() != null) ? request.paymentDate() : today;
		if (paid.isAfter(today)) {
			throw refused(HttpStatus.UNPROCESSABLE_CONTENT,
					"paymentDate must not be after today (Asia/Ho_Chi_Minh): a bank confirms a debit once it happened");
		}
		if (!this.banks.isKnown(this.bankCode, paid)) {
			throw refused(HttpStatus.UNPROCESSABLE_CONTENT,
					"paymentDate is before the sandbox's bank was registered: choose a later date");
		}
		Balance.Item item = this.ledger.item(mst, request.payableItemId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"No payable item of yours with this id is booked (yet)"));
		long amount = (request.amount() != null) ? wholeVnd(request.amount()) : item.outstanding().longValueExact();
		if (amount <= 0) {
			throw refused(HttpStatus.UNPROCESSABLE_CONTENT,
					"Nothing to pay: the item is settled; give a positive amount to overpay it");
		}
		String reference = "SBX" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
		Accepted accepted = this.intake.submit(this.bankCode, confirmation(mst, item, amount, paid, reference),
				"application/json");
		return new SandboxPayment(this.bankCode, reference, accepted.messageId(), item.payableItemId(), amount, paid);
	}

	/**
	 * An amount as a bank would debit it: positive whole VND (VND has no fractions, so 1.5 is refused, not
	 * cut to 1), at most 18 digits. Judged by digits before converting, so {@code 1e999999999} is refused
	 * without being written out.
	 */
	private static long wholeVnd(BigDecimal amount) {
		if (amount.signum() <= 0) {
			throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "amount must be positive");
		}
		if ((long) amount.precision() - amount.scale() > MAX_DIGITS) {
			throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "amount has at most " + MAX_DIGITS + " digits");
		}
		if (amount.stripTrailingZeros().scale() > 0) {
			throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "amount must be whole VND: VND has no fractions");
		}
		return amount.longValueExact();
	}

	private static ErrorResponseException refused(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://etax.example/problems/invalid-sandbox-payment"));
		problem.setTitle("Invalid sandbox payment");
		return new ErrorResponseException(status, problem, null);
	}

	private String confirmation(String mst, Balance.Item item, long amount, LocalDate paid, String reference) {
		return this.json.writeValueAsString(Map.ofEntries(Map.entry("version", 1), Map.entry("bankCode", this.bankCode),
				Map.entry("bankReference", reference), Map.entry("voucherNumber", "GNT-" + reference),
				Map.entry("payerMst", mst), Map.entry("currency", "VND"), Map.entry("amount", amount),
				Map.entry("paymentDate", paid.toString()), Map.entry("sentAt", Instant.now(this.clock).toString()),
				Map.entry("collectingAgencyCode", "1054523"), Map.entry("status", "DEBITED"),
				Map.entry("treasuryCode", "0111"), Map.entry("treasuryAccount", "7111"), Map.entry("areaCode", "79760"),
				Map.entry("lines", List.of(Map.of("chapter", item.chapter(), "subItem", item.subItem(), "taxPeriod",
						item.taxPeriod(), "amount", amount, "payableItemId", item.payableItemId())))));
	}

	/**
	 * @param payableItemId the item to pay, as in the acceptance notice
	 * @param amount whole VND (a fraction is refused, not rounded); the item's outstanding amount when absent
	 * @param paymentDate the day the bank debited ({@code NGAY_NTHUE}); today when absent
	 */
	record PaymentRequest(@Nullable String payableItemId, @Nullable BigDecimal amount, @Nullable LocalDate paymentDate) {

	}

	/**
	 * @param bankCode the sandbox's bank
	 * @param bankReference the confirmation's reference
	 * @param messageId the bank message's id
	 * @param payableItemId the item paid
	 * @param amount whole VND
	 * @param paymentDate the day debited
	 */
	record SandboxPayment(String bankCode, String bankReference, UUID messageId, String payableItemId, long amount,
			LocalDate paymentDate) {

	}

}
