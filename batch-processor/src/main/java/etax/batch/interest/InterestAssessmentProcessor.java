package etax.batch.interest;

import java.math.RoundingMode;
import java.time.LocalDate;

import etax.batch.interest.InterestReference.InterestSubItem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Assesses one payable item for one day: the interest accrued through the day, rounded to whole đồng,
 * less what was assessed on it before. So the amounts of consecutive days add up to the rounded exact
 * total (rounding never drifts), a missed or failed day is made up by the next one, and interest that
 * accrued before the item reached the ledger (a supplementary return, due at the original deadline) comes
 * with its first assessment.
 *
 * <p>
 * An item is filtered out, and counted in {@code etax.batch.interest.not-assessable}, when its sub-item has
 * no interest sub-item in force or its first day of interest has no rate; it is assessed in full once the
 * reference data has a row for it. When less has accrued than was published (a supplement lowered the tax,
 * a payment was confirmed after its day was assessed), the difference is taken back: a negative amount,
 * which the writer records and the publication sends as {@code InterestCorrected}; what is published on
 * the item is then again the rounded exact total.
 */
final class InterestAssessmentProcessor implements ItemProcessor<InterestBasis, Assessment> {

	private static final Logger log = LoggerFactory.getLogger(InterestAssessmentProcessor.class);

	private final InterestReference reference;

	private final LateInterest interest;

	private final LocalDate day;

	private final RoundingMode rounding;

	private final MeterRegistry meters;

	InterestAssessmentProcessor(InterestReference reference, LocalDate day, RoundingMode rounding,
			MeterRegistry meters) {
		this.reference = reference;
		this.interest = new LateInterest(reference);
		this.day = day;
		this.rounding = rounding;
		this.meters = meters;
	}

	@Override
	public @Nullable Assessment process(InterestBasis basis) {
		InterestSubItem interestSubItem = this.reference.interestSubItem(basis.subItem(), this.day);
		if (interestSubItem == null || this.reference.rateOn(this.day) == null) {
			// no item id: a provisional shortfall's names its taxpayer (TAMNOP75-<sub-item>-<year>-<MST>)
			log.debug("Interest not assessable subItem={} day={}", basis.subItem(), this.day);
			Counter.builder("etax.batch.interest.not-assessable")
				.description("Payable items not assessed: no interest sub-item or rate in force")
				.tag("sub.item", basis.subItem())
				.register(this.meters)
				.increment();
			return null;
		}
		if (this.interest.startsBeforeTheFirstRate(basis)) {
			Counter.builder("etax.batch.interest.before-first-rate")
				.description("Payable items assessed from the first rate in force on, their days before it not")
				.tag("sub.item", basis.subItem())
				.register(this.meters)
				.increment();
		}
		long accrued = this.interest.accruedThrough(basis, this.day).setScale(0, this.rounding).longValueExact();
		if (accrued < basis.assessedTotal()) {
			log.debug("Interest published exceeds interest accrued, taken back subItem={} day={} excess={}",
					basis.subItem(), this.day, basis.assessedTotal() - accrued);
		}
		return new Assessment(basis, this.day, interestSubItem, accrued - basis.assessedTotal(), accrued);
	}

}
