package etax.payment.confirmation.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import etax.payment.confirmation.BankConfirmation;
import etax.payment.confirmation.ConfirmationLine;
import etax.payment.confirmation.PaymentRecording;
import etax.payment.confirmation.RecordedConfirmation;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payments/confirmations")
class ConfirmationController {

	private final PaymentRecording recording;

	ConfirmationController(PaymentRecording recording) {
		this.recording = recording;
	}

	@Operation(summary = "A recorded bank confirmation with its lines and their treasury posting ids")
	@GetMapping("/{bankCode}/{bankReference}")
	ConfirmationResponse confirmation(@PathVariable String bankCode, @PathVariable String bankReference) {
		return ConfirmationResponse.of(this.recording.find(bankCode, bankReference));
	}

	record ConfirmationResponse(String bankCode, String bankReference, String voucherNumber, String payerMst,
			@Nullable String payerOnBehalfMst, String currency, @Nullable BigDecimal exchangeRate, BigDecimal amount,
			BigDecimal amountVnd, LocalDate paymentDate, Instant sentAt, String status, @Nullable String reversalOf,
			String treasuryCode, String treasuryAccount, String collectingAgencyCode, String areaCode,
			Instant receivedAt, String contentHash, Source source, List<Line> lines) {

		static ConfirmationResponse of(RecordedConfirmation recorded) {
			BankConfirmation c = recorded.confirmation();
			List<Line> lines = IntStream.range(0, c.lines().size()).mapToObj((i) -> {
				ConfirmationLine line = c.lines().get(i);
				return new Line(i + 1, c.postingId(i + 1), line.chapter(), line.subItem(), line.taxPeriod().value(),
						line.amount(), line.amountVnd(c.exchangeRate()), line.payableItemId(), line.returnNumber());
			}).toList();
			return new ConfirmationResponse(c.bankCode(), c.bankReference(), c.voucherNumber(), c.payer().value(),
					(c.payerOnBehalf() != null) ? c.payerOnBehalf().value() : null, c.currency(), c.exchangeRate(),
					c.amount(), c.amountVnd(), c.paymentDate(), c.sentAt(), c.status().name(), c.reversalOf(),
					c.treasuryCode(), c.treasuryAccount(), c.collectingAgencyCode(), c.areaCode(), recorded.receivedAt(),
					recorded.contentHash(),
					new Source(recorded.source().topic(), recorded.source().partition(), recorded.source().offset()),
					lines);
		}

	}

	record Line(int lineNumber, UUID postingId, String chapter, String subItem, String taxPeriod, BigDecimal amount,
			BigDecimal amountVnd, @Nullable String payableItemId, @Nullable String returnNumber) {

	}

	record Source(String topic, int partition, long offset) {

	}

}
