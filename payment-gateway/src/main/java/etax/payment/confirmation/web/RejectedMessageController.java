package etax.payment.confirmation.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import etax.access.Caller;
import etax.payment.confirmation.PaymentRecording;
import etax.payment.confirmation.PaymentRecording.RejectedMessages;
import etax.payment.confirmation.RejectedMessage;
import etax.payment.confirmation.RejectionRedrive;
import etax.payment.confirmation.RejectionRedrive.Redriven;
import etax.payment.office.TaxOffices;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payments/rejected")
class RejectedMessageController {

	private final PaymentRecording recording;

	private final RejectionRedrive redrive;

	private final TaxOffices offices;

	RejectedMessageController(PaymentRecording recording, RejectionRedrive redrive, TaxOffices offices) {
		this.recording = recording;
		this.redrive = redrive;
		this.offices = offices;
	}

	@Operation(summary = "Re-drive a rejected message, as it was or corrected (the body, with its content type)",
			description = "A correction keeps who sent the message and what it says was paid (bank, reference, "
					+ "payer, currency, amounts, payment date, status, lines): 422 redrive-changes-payment naming the "
					+ "changed facts. 409 already-redriven; 409 not-redrivable when its bank signature failed (also "
					+ "when it names a key registered unreadably until an operator corrects the key and the signature "
					+ "verifies with it), it shows no sending bank or confirms for another, or (corrected) the original "
					+ "does not state what was paid readably: the bank must send it again; 422 invalid-confirmation as for the bank intake; "
					+ "413 for a body over 1 MiB; 404 rejection-not-found for an officer outside the payment desk "
					+ "(dead-lettered messages are of no tax office).")
	@PostMapping("/{id}:redrive")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Redriven redrive(@PathVariable long id, HttpServletRequest request,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
			Authentication officer, @AuthenticationPrincipal Caller caller) throws IOException {
		String corrected = BoundedBody.read(request);
		return this.redrive.redrive(id, (corrected != null && !corrected.isBlank()) ? corrected : null, contentType,
				officer.getName(), this.offices.scopeOf(caller));
	}

	@Operation(summary = "Records rejected to the dead-letter topic, newest first",
			description = "Dead-lettered messages are of no tax office (what they say is not vouched for, and often "
					+ "not readable): national officers and the payment desk's officers list them, an office's other "
					+ "officers get an empty page.")
	@GetMapping
	RejectedPage rejected(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
			@Parameter(description = "include the record key (an MST) and value as received")
			@RequestParam(defaultValue = "false") boolean includePayload, @AuthenticationPrincipal Caller caller) {
		RejectedMessages rejected = this.recording.rejected(this.offices.scopeOf(caller), page, size,
				includePayload);
		return new RejectedPage(rejected.items().stream().map((m) -> Item.of(m, includePayload)).toList(), page, size,
				rejected.total());
	}

	record RejectedPage(List<Item> items, int page, int size, long totalElements) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Item(long id, String reason, String detail, Instant receivedAt, String topic, int partition, long offset,
			int entry, @Nullable String contentType, @Nullable Instant redrivenAt, @Nullable String redrivenBy,
			@Nullable String key, @Nullable String value, @Nullable String recordedValue) {

		static Item of(RejectedMessage message, boolean includePayload) {
			return new Item(message.id(), message.reason(), message.detail(), message.receivedAt(),
					message.source().topic(), message.source().partition(), message.source().offset(),
					message.entryIndex(), message.contentType(), message.redrivenAt(), message.redrivenBy(),
					includePayload ? message.key() : null, includePayload ? message.value() : null,
					includePayload ? message.recordedValue() : null);
		}

	}

}
