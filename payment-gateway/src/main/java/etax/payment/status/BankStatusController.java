package etax.payment.status;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;

import etax.access.Caller;
import etax.payment.confirmation.BankConfirmation;
import etax.payment.confirmation.ConfirmationNotFoundException;
import etax.payment.confirmation.PaymentRecording;
import etax.payment.confirmation.PaymentRecording.ReferenceOutcome;
import etax.payment.confirmation.RecordedConfirmation;
import etax.payment.status.ConfirmationStatus.Line;
import etax.payment.status.ConfirmationStatus.Recorded;
import etax.payment.status.ConfirmationStatus.Rejected;
import etax.payment.status.ConfirmationStatus.State;
import etax.payment.status.ConfirmationStatus.Unbooked;
import etax.payment.treasury.TreasuryAcks;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A bank's status report of one of its confirmations. The caller is a bank (role BANK); its token names
 * which, so a bank sees only its own references.
 */
@RestController
class BankStatusController {

	private final PaymentRecording recording;

	private final TreasuryAcks treasury;

	BankStatusController(PaymentRecording recording, TreasuryAcks treasury) {
		this.recording = recording;
		this.treasury = treasury;
	}

	@Operation(summary = "What became of a confirmation this bank sent: recorded (with the treasury's answer per "
			+ "line), pending or failed as the bank reported it, or rejected and why",
			description = "404 when nothing with this reference was recorded or rejected: a confirmation just "
					+ "accepted (202) may still be on its way; one rejected before its reference could be read "
					+ "(not JSON, a bad signature) carries none. A message rejected whole (a camt.054 one of whose "
					+ "entries broke a rule) is listed under the reference of each of its entries. The rejections are "
					+ "the latest 100, newest first.")
	@GetMapping("/api/v1/bank/confirmations/{bankReference}")
	ConfirmationStatus status(@PathVariable String bankReference, @AuthenticationPrincipal Caller bank) {
		String bankCode = Objects.requireNonNull(bank.bank());
		ReferenceOutcome outcome = this.recording.outcome(bankCode, bankReference);
		List<Rejected> rejected = outcome.rejected()
			.stream()
			.map((r) -> new Rejected(r.reason(), r.detail(), r.receivedAt(), r.redrivenAt() != null))
			.toList();
		List<Unbooked> unbooked = outcome.unbooked()
			.stream()
			.map((u) -> new Unbooked(u.status(), u.receivedAt(), u.contentHash(), u.amount(), u.currency(),
					origin(u.redrive() != null)))
			.toList();
		if (outcome.recorded().isPresent()) {
			return new ConfirmationStatus(bankCode, bankReference, State.RECORDED, recorded(outcome.recorded().get()),
					unbooked, rejected);
		}
		if (!unbooked.isEmpty()) {
			// a failed debit is final; a pending one may still be booked
			State state = unbooked.stream().anyMatch((u) -> u.status().equals(BankConfirmation.Status.FAILED.name()))
					? State.FAILED : State.PENDING;
			return new ConfirmationStatus(bankCode, bankReference, state, null, unbooked, rejected);
		}
		if (rejected.isEmpty()) {
			throw ConfirmationNotFoundException.forKey(bankCode, bankReference);
		}
		return new ConfirmationStatus(bankCode, bankReference, State.REJECTED, null, unbooked, rejected);
	}

	private Recorded recorded(RecordedConfirmation recorded) {
		BankConfirmation c = recorded.confirmation();
		List<UUID> postings = IntStream.rangeClosed(1, c.lines().size()).mapToObj(c::postingId).toList();
		Map<UUID, String> statuses = this.treasury.statuses(postings);
		// the amounts in VND as recorded, which the treasury postings and the ledger hold
		List<Line> lines = IntStream.rangeClosed(1, c.lines().size())
			.mapToObj((n) -> new Line(n, c.postingId(n), recorded.lineAmountsVnd().get(n - 1),
					statuses.getOrDefault(c.postingId(n), "REQUESTED")))
			.toList();
		// the bank sees that the tax authority re-drove it, not who did
		return new Recorded(recorded.receivedAt(), c.status().name(), recorded.contentHash(), recorded.amountVnd(),
				lines, origin(recorded.redrive() != null));
	}

	private static String origin(boolean redriven) {
		return redriven ? "REDRIVEN_BY_TAX_AUTHORITY" : "BANK";
	}

}
