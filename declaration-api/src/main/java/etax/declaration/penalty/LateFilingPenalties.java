package etax.declaration.penalty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import etax.access.Caller;
import etax.access.Role;
import etax.declaration.calendar.DeadlineRule;
import etax.declaration.calendar.Deadlines;
import etax.declaration.calendar.PenaltyBand;
import etax.declaration.extension.DeadlineExtensions;
import etax.declaration.extension.ExtendedDeadline;
import etax.declaration.payable.FineTerms;
import etax.declaration.payable.PayableItem;
import etax.declaration.payable.PenaltyImposed;
import etax.declaration.submission.ReturnNotFoundException;
import etax.declaration.submission.ReturnQueries;
import etax.declaration.submission.ReturnStatus;
import etax.declaration.submission.StoredReturn;
import etax.declaration.taxpayer.Taxpayer;
import etax.declaration.taxpayer.TaxpayerNotFoundException;
import etax.declaration.taxpayer.TaxpayerRegistry;
import etax.ids.TimeOrderedIds;
import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;
import etax.schemas.FormCatalog;
import etax.schemas.FormVersion;
import etax.schemas.TaxPeriod;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fines for filing late (Decree 125/2020 Art. 13, VN-ETAX.md §3.5 R-DL-5): an officer of the taxpayer's managing
 * office (or a national one) decides the fine of an accepted original filed late, once, within the band of its days
 * late ({@link PenaltyBand}); the fine becomes a payable item of the taxpayer, announced to the ledger in the same
 * transaction ({@link PenaltyImposed}) under the managing office. Days late count from the deadline the return is
 * held to, to its postmark: the extension the intake held it to, or one granted since for its form and period and not
 * revoked (the office may grant an extension days after a request that reached it in time, and after the return was
 * filed), or the rule's.
 */
@Service
public class LateFilingPenalties {

	private final ReturnQueries returns;

	private final TaxpayerRegistry registry;

	private final PenaltyRepository repository;

	private final Deadlines deadlines;

	private final DeadlineExtensions extensions;

	private final Outbox outbox;

	private final Clock clock;

	LateFilingPenalties(ReturnQueries returns, TaxpayerRegistry registry, DeadlineExtensions extensions,
			PenaltyRepository repository, Deadlines deadlines, Outbox outbox, Clock clock) {
		this.returns = returns;
		this.registry = registry;
		this.extensions = extensions;
		this.repository = repository;
		this.deadlines = deadlines;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Records the fine an officer decided for a return filed late.
	 * @param officer an officer of the taxpayer's managing office, or a national one
	 * @param returnId the return
	 * @param decision what was decided
	 * @return the fine, a payable item of the taxpayer
	 * @throws ReturnNotFoundException if there is no such return of a taxpayer the officer's office manages
	 * @throws PenaltyExistsException if its fine was decided before
	 * @throws InvalidPenaltyException if the fine cannot be decided as recorded
	 */
	@Transactional
	public LateFilingPenalty impose(Caller officer, UUID returnId, Decision decision) {
		StoredReturn filed = this.returns.filed(returnId);
		Taxpayer taxpayer = managing(officer, filed);
		this.repository.of(returnId).ifPresent((before) -> {
			throw new PenaltyExistsException(before.payableItemId());
		});
		if (filed.status() != ReturnStatus.ACCEPTED || !"C".equals(filed.filingType())) {
			throw new InvalidPenaltyException("returnId", "A fine for filing late is decided on an accepted original "
					+ "return (C); this one is " + filed.status() + ", filing type " + filed.filingType());
		}
		ExtendedDeadline extension = (filed.extension() != null) ? filed.extension()
				: this.extensions.grantedSince(filed.mst(), filed.maTKhai(), period(filed)).orElse(null);
		LocalDate deadline = (extension != null) ? extension.deadline()
				: this.deadlines.deadlineOf(period(filed), rule(filed));
		boolean approximate = (extension != null) ? this.deadlines.approximate(extension.deadline())
				: this.deadlines.approximate(period(filed), rule(filed));
		if (approximate) {
			// without the year's lunar holidays the deadline, the days late and so the band may each be off
			throw new InvalidPenaltyException("returnId", "The deadline of this return, " + deadline + ", falls in a year "
					+ "whose public holidays are not published yet: neither it nor the days late are certain; a fine is "
					+ "decided once they are");
		}
		long daysLate = Deadlines.daysLate(deadline, filed.receivedAt());
		if (daysLate <= 0) {
			throw new InvalidPenaltyException("returnId", "The return was filed on time: received "
					+ filed.receivedAt().atZone(Deadlines.VIETNAM).toLocalDate() + ", deadline " + deadline);
		}
		long taxDue = filed.payableItems().stream().mapToLong(PayableItem::amount).filter((amount) -> amount > 0).sum();
		PenaltyBand.Range band = PenaltyBand.range(daysLate, taxDue, taxpayer.isIndividual());
		if (decision.amount() < band.min() || decision.amount() > band.max()) {
			throw new InvalidPenaltyException("amount", String.format("Filed %d days late%s, the fine is %,d to %,d VND "
					+ "(Decree 125/2020 Art. 13), not %,d", daysLate, (daysLate > 90 && taxDue > 0)
							? String.format(" with %,d VND of tax due", taxDue) : "",
					band.min(), band.max(), decision.amount()));
		}
		LocalDate today = this.clock.instant().atZone(Deadlines.VIETNAM).toLocalDate();
		LocalDate filedOn = filed.receivedAt().atZone(Deadlines.VIETNAM).toLocalDate();
		if (decision.decidedOn().isAfter(today) || decision.decidedOn().isBefore(filedOn)) {
			throw new InvalidPenaltyException("decidedOn", "A fine is recorded once decided, on or after the filing ("
					+ filedOn + ") and not after today (" + today + "), not " + decision.decidedOn());
		}
		LocalDate barred = filedOn.plus(FineTerms.PROCEDURAL_TIME_BAR);
		if (decision.decidedOn().isAfter(barred)) {
			throw new InvalidPenaltyException("decidedOn", "Law 38/2019 Art. 137(1)(a): filing late is fined within "
					+ "two years of the filing (" + filedOn + "), by " + barred + ", not on " + decision.decidedOn());
		}
		LateFilingPenalty penalty = new LateFilingPenalty(TimeOrderedIds.next(), filed.id(), filed.transactionCode(),
				filed.mst(), deadline, daysLate, new LateFilingPenalty.Band(band.min(), band.max()), decision.amount(),
				decision.decisionNumber(), decision.decidedOn(), FineTerms.SUB_ITEM,
				FineTerms.taxPeriod(decision.decidedOn()), FineTerms.dueDate(decision.decidedOn(), this.deadlines),
				officer.subject(), this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		if (!this.repository.insert(penalty)) {
			// decided by another officer since it was read: the first decision stands
			throw new PenaltyExistsException(this.repository.of(returnId).orElseThrow().payableItemId());
		}
		this.outbox.append(OutboxMessage.of(PenaltyImposed.TOPIC, filed.mst(),
				PenaltyImposed.of(penalty.payableItemId(), penalty.returnId(), null, penalty.decisionNumber(),
						penalty.recordedAt(), penalty.mst(), taxpayer.chapter(), taxpayer.taxOfficeCode(), penalty.amount(),
						penalty.taxPeriod(), penalty.dueDate())));
		return penalty;
	}

	/**
	 * @param caller who reads the return, or an officer of the office that manages its taxpayer now (which decides
	 * its fine, wherever the return was filed)
	 * @param returnId the return
	 * @return its fine for filing late
	 * @throws ReturnNotFoundException if the caller may read no such return
	 * @throws PenaltyNotFoundException if no fine was decided on it
	 */
	public LateFilingPenalty of(Caller caller, UUID returnId) {
		try {
			this.returns.byId(returnId, caller);
		}
		catch (ReturnNotFoundException ex) {
			if (caller.role() != Role.OFFICER || !manages(caller, this.returns.filed(returnId))) {
				throw ex;
			}
		}
		return this.repository.of(returnId).orElseThrow(() -> new PenaltyNotFoundException(returnId));
	}

	/** Whether the officer's office manages the return's taxpayer now. */
	private boolean manages(Caller officer, StoredReturn filed) {
		try {
			this.registry.managedBy(officer, filed.mst());
			return true;
		}
		catch (TaxpayerNotFoundException ex) {
			return false;
		}
	}

	/**
	 * The taxpayer of the return, if the officer's office manages it now (the return may have been filed with the
	 * office it left), its row share-locked until the fine is recorded, so that a handover waits for it.
	 */
	private Taxpayer managing(Caller officer, StoredReturn filed) {
		try {
			return this.registry.managedByWhileRecording(officer, filed.mst());
		}
		catch (TaxpayerNotFoundException ex) {
			throw ReturnNotFoundException.forId(filed.id());
		}
	}

	private static TaxPeriod period(StoredReturn filed) {
		StoredReturn.Period declared = filed.period();
		return new TaxPeriod(declared.kind(), declared.value(), declared.from(), declared.to());
	}

	private static DeadlineRule rule(StoredReturn filed) {
		FormVersion form = FormCatalog.load()
			.find(filed.maTKhai(), filed.formVersion(), filed.filingType())
			.orElseThrow(() -> new IllegalStateException("An accepted return's form is in the catalog"));
		return Deadlines.ruleOf(form, filed.period().kind());
	}

	/**
	 * What an officer records of a decision to fine a return filed late.
	 * @param decisionNumber the decision's number
	 * @param decidedOn the day it was issued: on or after the filing, not after today
	 * @param amount the fine, VND, within the band of the return's days late
	 */
	public record Decision(String decisionNumber, LocalDate decidedOn, long amount) {

	}

}
