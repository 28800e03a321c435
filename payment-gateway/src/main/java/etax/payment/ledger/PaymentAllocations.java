package etax.payment.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import etax.payment.confirmation.PaymentRecorded;
import etax.payment.confirmation.PaymentsRecorded;
import etax.payment.office.TaxOffices;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.stereotype.Component;

/**
 * Allocates the payments and reversals of a poll synchronously, inside the transaction that records them
 * ({@link PaymentsRecorded}), in the poll's order, under the advisory locks of their taxpayers: a payment line
 * pays its item (or waits as a credit), a reversal takes back what its payment paid.
 */
@Component
class PaymentAllocations {

	private final LedgerRepository ledger;

	private final HeldCreditRepository held;

	private final Allocations allocations;

	private final TaxOffices offices;

	private final Clock clock;

	PaymentAllocations(LedgerRepository ledger, HeldCreditRepository held, Allocations allocations,
			TaxOffices offices, Clock clock) {
		this.ledger = ledger;
		this.held = held;
		this.allocations = allocations;
		this.offices = offices;
		this.clock = clock;
	}

	@EventListener
	@Order(PaymentsRecorded.LEDGER)
	void on(PaymentsRecorded recorded) {
		Set<String> msts = recorded.payments()
			.stream()
			.map(PaymentRecorded::mst)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		List<String> reversedPayments = recorded.payments()
			.stream()
			.filter(PaymentRecorded::isReversal)
			.map((p) -> paymentKey(p.bankCode(), Objects.requireNonNull(p.reversalOf())))
			.toList();
		// a reversal re-opens the items of other taxpayers that officers applied held credits of the payment to:
		// it holds their locks too, taken with the payers' in one order. One applied meanwhile (read again under
		// the locks) is not locked after them, out of that order, where two transactions could wait for each other
		// in a cycle: the poll fails and is recorded again, its taxpayer then locked with the others
		msts.addAll(this.held.beneficiaries(reversedPayments));
		this.ledger.lock(msts);
		if (!msts.containsAll(this.held.beneficiaries(reversedPayments))) {
			throw new CannotAcquireLockException("A held credit of a reversed payment was applied while the reversal "
					+ "took its taxpayers' locks; the poll is recorded again with them all locked in order");
		}
		Map<String, List<LedgerEntry>> reversible = this.ledger
			.reversible(reversedPayments)
			.stream()
			.collect(Collectors.groupingBy((e) -> Objects.requireNonNull(e.paymentKey()), LinkedHashMap::new,
					Collectors.toList()));
		Set<String> itemIds = new LinkedHashSet<>();
		Set<UUID> creditIds = new LinkedHashSet<>();
		recorded.payments()
			.forEach((p) -> p.lines()
				.stream()
				.filter((line) -> line.payableItemId() != null)
				.forEach((line) -> itemIds.add(line.payableItemId())));
		reversible.values().forEach((entries) -> entries.forEach((e) -> {
			if (e.itemId() != null) {
				itemIds.add(e.itemId());
			}
			if (e.creditId() != null) {
				creditIds.add(e.creditId());
			}
		}));
		// a line that may be a provisional payment is one only if its payer has no item of its charge, paid or not
		List<Obligation> charged = this.allocations.charged(recorded.payments()
			.stream()
			.filter((p) -> !p.isReversal())
			.flatMap((p) -> p.lines()
				.stream()
				.filter((line) -> line.payableItemId() == null
						&& ProvisionalPayments.covers(line.subItem(), line.taxPeriod()))
				.map((line) -> Allocation.chargeKey(p.mst(), line.subItem(), line.taxPeriod())))
			.collect(Collectors.toSet()));
		Allocation allocation = this.allocations.allocation(msts, itemIds, creditIds, charged,
				LocalDate.now(this.clock));
		for (PaymentRecorded payment : recorded.payments()) {
			if (payment.isReversal()) {
				String reversed = paymentKey(payment.bankCode(), Objects.requireNonNull(payment.reversalOf()));
				allocation.reverse(reversed, payment.mst(), reversible.getOrDefault(reversed, List.of()),
						payment.paymentDate());
				continue;
			}
			for (PaymentRecorded.Line line : payment.lines()) {
				allocation.pay(new Allocation.PaymentLine(payment.mst(), line.chapter(), line.subItem(), line.taxPeriod(),
						line.amountVnd(), line.payableItemId(), line.postingId(),
						paymentKey(payment.bankCode(), payment.bankReference()), payment.treasuryCode(),
						payment.paymentDate(), this.offices.mappedOffice(payment.collectingAgencyCode())));
			}
		}
		this.allocations.store(allocation);
	}

	static String paymentKey(String bankCode, String bankReference) {
		return bankCode + ":" + bankReference;
	}

}
