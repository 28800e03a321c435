package etax.declaration.inspection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import etax.access.Caller;
import etax.declaration.calendar.DeadlineRule;
import etax.declaration.calendar.Deadlines;
import etax.declaration.extension.DeadlineExtensions;
import etax.declaration.extension.ExtendedDeadline;
import etax.declaration.payable.PenaltyImposed;
import etax.declaration.taxpayer.Taxpayer;
import etax.declaration.taxpayer.TaxpayerNotFoundException;
import etax.declaration.taxpayer.TaxpayerRegistry;
import etax.ids.TimeOrderedIds;
import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;
import etax.schemas.TaxPeriod;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tax inspections at the taxpayer's premises (VN-ETAX.md §3.6 R-DUP-4, Law 38/2019 Art. 47): an officer of the
 * taxpayer's tax office, or a national officer, records an inspection once its decision is announced, and its
 * conclusion once issued ({@code InspectionRules}); neither is changed afterwards, and an inspection is concluded
 * once. The taxpayer reads its own; anyone else's taxpayer, an officer's of another office included, is not found,
 * as for deadline extensions. A supplement is judged by the inspections as they stood at its postmark
 * ({@link #on}).
 */
@Service
public class TaxInspections {

	private final InspectionRepository repository;

	private final TaxpayerRegistry registry;

	private final Deadlines deadlines;

	private final DeadlineExtensions extensions;

	private final FiledOriginals originals;

	private final Outbox outbox;

	private final Clock clock;

	TaxInspections(InspectionRepository repository, TaxpayerRegistry registry, Deadlines deadlines,
			DeadlineExtensions extensions, FiledOriginals originals, Outbox outbox, Clock clock) {
		this.repository = repository;
		this.registry = registry;
		this.deadlines = deadlines;
		this.extensions = extensions;
		this.originals = originals;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Records an announced inspection, once per decision: the same announcement again (a retry after a lost answer)
	 * is answered with the inspection recorded first.
	 * @param officer who records it
	 * @param mst the taxpayer
	 * @param announcement what was announced
	 * @return the inspection as stored, and whether this call stored it
	 * @throws TaxpayerNotFoundException if no taxpayer under the MST is managed by the officer's office
	 * @throws InvalidInspectionException if it cannot have been announced as recorded
	 * @throws InspectionConflictException if the taxpayer has an inspection of that decision announced otherwise
	 */
	@Transactional
	public Recorded record(Caller officer, String mst, Announcement announcement) {
		this.registry.managedByWhileRecording(officer, mst);
		InspectionKind kind = InspectionRules.check(announcement, today());
		TaxInspection inspection = new TaxInspection(TimeOrderedIds.next(), mst, announcement.decisionNumber(), kind,
				announcement.periodFrom(), announcement.periodTo(),
				announcement.taxTypes().stream().distinct().sorted().toList(), announcement.announcedOn(),
				officer.subject(), now(), null);
		if (this.repository.insert(inspection)) {
			return new Recorded(inspection, true);
		}
		TaxInspection first = this.repository.byDecision(mst, announcement.decisionNumber()).orElseThrow();
		if (!first.announces(inspection)) {
			throw new InspectionConflictException();
		}
		return new Recorded(first, false);
	}

	/**
	 * @param inspection the inspection as stored
	 * @param created whether this call stored it (false: it was recorded before, as announced again)
	 */
	public record Recorded(TaxInspection inspection, boolean created) {

	}

	/**
	 * Records an inspection's conclusion, once, with the tax it assessed: each a payable item of the taxpayer, due as
	 * the same tax declared on a supplement of its period would be ({@link AssessmentRules}), announced to the ledger
	 * ({@link TaxAssessed}) in the same transaction, and the fine decided for it, if any, a payable item of its own
	 * ({@link PenaltyImposed}).
	 * @param officer who records it
	 * @param mst the taxpayer
	 * @param id the inspection
	 * @param concluding what was concluded
	 * @return the inspection with its conclusion
	 * @throws TaxpayerNotFoundException if no taxpayer under the MST is managed by the officer's office
	 * @throws InspectionNotFoundException if the taxpayer has no inspection of that id
	 * @throws InvalidInspectionException if it cannot have been concluded as recorded
	 * @throws InspectionConcludedException if its conclusion was recorded before
	 */
	@Transactional
	public TaxInspection conclude(Caller officer, String mst, UUID id, Concluding concluding) {
		Taxpayer taxpayer = this.registry.managedByWhileRecording(officer, mst);
		// a decision is concluded once, whichever of its rows stored before V35 names it: under its first row
		List<TaxInspection> decision = this.repository.sameDecision(mst, id);
		if (decision.isEmpty()) {
			throw new InspectionNotFoundException();
		}
		for (TaxInspection recorded : decision) {
			TaxInspection.Conclusion before = recorded.conclusion();
			if (before != null) {
				throw new InspectionConcludedException(before.concludedOn());
			}
		}
		TaxInspection inspection = decision.get(0);
		InspectionRules.check(concluding, inspection, today());
		Instant recordedAt = now();
		// due as the same tax declared on a supplement would be: on the deadline the period's original was held to;
		// without a return, when one filed now would be, on an extension's deadline while one is in force
		List<AssessedTax> assessed = AssessmentRules.resolve(concluding.assessedTax(), inspection,
				concluding.concludedOn(), this.deadlines,
				(maTKhai, formPeriod) -> this.originals.of(mst, formPeriod.version().formCode(), formPeriod.period())
					.map((original) -> Objects.requireNonNullElse(original.heldTo(), formPeriod.regularDeadline()))
					.orElseGet(() -> this.extensions.inForce(mst, maTKhai, formPeriod.period(), recordedAt)
						.map(ExtendedDeadline::deadline)
						.orElse(formPeriod.regularDeadline())));
		TaxInspection.Conclusion conclusion = new TaxInspection.Conclusion(concluding.concludedOn(),
				concluding.decisionNumber(), officer.subject(), recordedAt, assessed);
		if (!this.repository.conclude(inspection.id(), conclusion)) {
			// concluded by another officer since it was read: the first conclusion stands
			TaxInspection.Conclusion first = this.repository.find(mst, inspection.id()).orElseThrow().conclusion();
			throw new InspectionConcludedException(Objects.requireNonNull(first).concludedOn());
		}
		this.repository.assessed(inspection.id(), mst, taxpayer.chapter(), taxpayer.taxOfficeCode(), assessed);
		for (AssessedTax tax : assessed) {
			this.outbox.append(OutboxMessage.of(TaxAssessed.TOPIC, mst,
					TaxAssessed.of(tax, inspection, conclusion, taxpayer.chapter(), taxpayer.taxOfficeCode())));
			AssessmentFine fine = tax.fine();
			if (fine != null) {
				this.outbox.append(OutboxMessage.of(PenaltyImposed.TOPIC, mst,
						PenaltyImposed.of(fine.payableItemId(), null, inspection.id(), conclusion.decisionNumber(),
								conclusion.recordedAt(), mst, taxpayer.chapter(), taxpayer.taxOfficeCode(), fine.amount(),
								fine.taxPeriod(), fine.dueDate())));
			}
		}
		return this.repository.find(mst, inspection.id()).orElseThrow();
	}

	/**
	 * @param caller an officer, or the taxpayer itself (its head office for a branch)
	 * @param mst the taxpayer
	 * @return its inspections with their conclusions, in the order announced
	 * @throws TaxpayerNotFoundException if the caller may not see the taxpayer
	 */
	public List<TaxInspection> of(Caller caller, String mst) {
		this.registry.requireVisibleTo(caller, mst);
		return this.repository.of(mst);
	}

	/**
	 * @param caller an officer, or the taxpayer itself (its head office for a branch)
	 * @param mst the taxpayer
	 * @param id the inspection
	 * @return the inspection with its conclusion
	 * @throws TaxpayerNotFoundException if the caller may not see the taxpayer
	 * @throws InspectionNotFoundException if the taxpayer has no inspection of that id
	 */
	public TaxInspection find(Caller caller, String mst, UUID id) {
		this.registry.requireVisibleTo(caller, mst);
		return this.repository.find(mst, id).orElseThrow(InspectionNotFoundException::new);
	}

	/**
	 * The inspections a return's period is under at its postmark: of its taxpayer and tax type, covering a day of
	 * its period, announced on or before the postmark's day in Vietnam, each with its conclusion only if concluded
	 * on or before that day. An inspection recorded or concluded later does not change how a return filed before
	 * was judged.
	 * @param mst the return's taxpayer
	 * @param taxType its form's tax type
	 * @param period its period, well formed
	 * @param postmark when it was received
	 * @return the inspections, in the order announced
	 */
	public List<TaxInspection> on(Instant postmark, String mst, String taxType, TaxPeriod period) {
		LocalDate day = postmark.atZone(Deadlines.VIETNAM).toLocalDate();
		return this.repository.on(day, mst, taxType, DeadlineRule.periodStart(period), DeadlineRule.periodEnd(period));
	}

	private LocalDate today() {
		return this.clock.instant().atZone(Deadlines.VIETNAM).toLocalDate();
	}

	private Instant now() {
		// to the microsecond, as PostgreSQL keeps it: the inspection answered now and the one read back later agree
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * What an officer records of an announced decision of inspection.
	 * @param decisionNumber the decision's number
	 * @param kind the code of an {@link InspectionKind}
	 * @param periodFrom the first day of the tax periods inspected
	 * @param periodTo the last day of them
	 * @param taxTypes the tax types inspected, catalog codes; empty: every tax of the taxpayer
	 * @param announcedOn the day it was announced: today or before
	 */
	public record Announcement(String decisionNumber, String kind, LocalDate periodFrom, LocalDate periodTo,
			List<String> taxTypes, LocalDate announcedOn) {

		public Announcement {
			taxTypes = List.copyOf(taxTypes);
		}

	}

	/**
	 * What an officer records of an inspection's conclusion.
	 * @param concludedOn the day the conclusion or decision on tax handling was issued: on or after the
	 * announcement, today or before
	 * @param decisionNumber its number
	 * @param assessedTax the tax it assessed, if any
	 */
	public record Concluding(LocalDate concludedOn, String decisionNumber, List<Assessment> assessedTax) {

		public Concluding {
			assessedTax = List.copyOf(assessedTax);
		}

	}

	/**
	 * Tax a conclusion assessed on one form's period and sub-item.
	 * @param maTKhai the form's id in the XML, e.g. {@code 842} for 01/GTGT
	 * @param periodKind {@code kieuKy}, one the form is filed for
	 * @param period the period as its kind is written ({@code q/yyyy}, {@code MM/yyyy}, {@code yyyy}, ...)
	 * @param subItem a budget sub-item the form declares tax payable under
	 * @param amount the tax assessed, in VND, more than zero
	 * @param fine the fine decided for it, if any
	 */
	public record Assessment(String maTKhai, String periodKind, String period, String subItem, long amount,
			@Nullable Fine fine) {

	}

	/**
	 * The fine a conclusion decided for tax it assessed.
	 * @param violation the code of a {@link Violation}
	 * @param rate the fine as a multiple of the tax, one the violation allows; none: the least it allows
	 */
	public record Fine(String violation, @Nullable BigDecimal rate) {

	}

}
