package etax.declaration.payable;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How a year's provisional payments of corporate income tax are judged against its finalization
 * ({@code etax.declaration.provisional-cit.*}), which {@link AnnualTaxFinalized} announces to the ledger: by tax year,
 * the quarters whose provisional payments count and the share of the year's tax they must reach by the provisional
 * deadline of the last of them (Decree 126/2020 Art. 8(6)). The rule of a year is the one of the latest
 * {@code fromYear} not after it; a year before the first is judged by the first. When none is configured, the law's:
 * <ul>
 * <li>from 2020: the first three quarters, 75 %, by 30 October of the year (Decree 126/2020 as enacted);</li>
 * <li>from 2022: the four quarters, 80 %, by 30 January of the next year (Decree 91/2022, in force 30 October 2022,
 * which amended Art. 8(6); the year 2022 is the first finalized under it).</li>
 * </ul>
 *
 * @param rules the rules, in any order, one per {@code fromYear}
 */
@Validated
@ConfigurationProperties("etax.declaration.provisional-cit")
record ProvisionalCitProperties(@Nullable @Valid List<Rule> rules) {

	/** The law's rules. */
	static final List<Rule> LAW = List.of(new Rule(2020, 75, 3), new Rule(2022, 80, 4));

	/** The law's rules, as when none is configured. */
	static final ProvisionalCitProperties DEFAULTS = new ProvisionalCitProperties(null);

	ProvisionalCitProperties {
		rules = (rules == null || rules.isEmpty()) ? LAW
				: rules.stream().sorted(Comparator.comparingInt(Rule::fromYear)).toList();
		for (int i = 1; i < rules.size(); i++) {
			if (rules.get(i).fromYear() == rules.get(i - 1).fromYear()) {
				throw new IllegalArgumentException("one provisional CIT rule per fromYear");
			}
		}
	}

	/**
	 * @param taxYear a calendar year
	 * @return the rule its provisional payments are judged by
	 */
	Rule ruleFor(int taxYear) {
		Rule rule = this.rules.get(0);
		for (Rule candidate : this.rules) {
			if (candidate.fromYear() <= taxYear) {
				rule = candidate;
			}
		}
		return rule;
	}

	/**
	 * The rule of the years from {@code fromYear} on.
	 * @param fromYear the first tax year it judges
	 * @param requiredPercent the share of the year's tax, in whole percent, the quarters must have paid on account
	 * @param quarters the quarters whose provisional payments count, the first {@code quarters} of the year
	 */
	record Rule(@Min(2000) @Max(2999) int fromYear, @Min(1) @Max(100) int requiredPercent,
			@Min(1) @Max(4) int quarters) {

		/**
		 * The provisional deadline of the rule's last quarter: the 30th day of the month after it (VN-ETAX §3.5
		 * R-DL-4), before it is moved past weekends and holidays: 30 October of the year for the third quarter,
		 * 30 January of the next for the fourth.
		 * @param taxYear the year
		 * @return the day
		 */
		LocalDate deadline(int taxYear) {
			return LocalDate.of(taxYear, 1, 30).plusMonths(3L * this.quarters);
		}

	}

}
