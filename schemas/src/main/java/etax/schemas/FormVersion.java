package etax.schemas;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One version of one tax form, as the catalog describes it. Which XSD validates it is the catalog's
 * business, not the caller's.
 *
 * @param formCode printed form code, e.g. {@code 01/GTGT}
 * @param maTKhai numeric form id used in the XML, e.g. {@code 842}
 * @param version {@code pbanTKhaiXML}, e.g. {@code 2.8.3}
 * @param filingTypes accepted {@code loaiTKhai} values, e.g. C (first filing) and B (supplementary)
 * @param taxType tax type (sắc thuế) code, e.g. {@code GTGT}
 * @param periodKinds accepted {@code kieuKy} values, e.g. M and Q (the deadline rule of each is the catalog's
 * {@code FormDetails#periodDeadlines})
 * @param finalization whether the form is a finalization, settling a year's tax (Law 38/2019 Art. 44(2)), or a
 * contract's or a business's on its end (Art. 44(4)): 03/TNDN, 05/QTT-TNCN, 02/NTNN, not an annual return such as
 * 04/TNDN or 01/HKNN filed by the same deadline
 * @param effectiveFrom first day of the tax periods this version covers (ENV-3: the period's first day counts, so an
 * old version stays receivable for the supplements of its periods)
 * @param effectiveTo last day of the tax periods this version covers, or {@code null} while it is in force
 * @param payableIndicators indicators that carry tax payable, mapped to their State Budget sub-item (NDKT),
 * e.g. {@code ct40 -> 1701}
 * @param annualTaxIndicators for a finalization, the indicators whose sum is the year's tax of a budget sub-item,
 * mapped to that sub-item, e.g. {@code ctE1 -> 1052} and {@code ctE5 -> 1052}; empty for other forms
 * @param forgivenIndicators payable indicators mapped to the indicator of the part of them the law forgives, e.g.
 * {@code ct42 -> ct43} of 02/QTT-TNCN (a balance of 50,000 VND or less); empty for most forms
 */
public record FormVersion(String formCode, String maTKhai, String version, Set<String> filingTypes, String taxType,
		Set<String> periodKinds, boolean finalization, LocalDate effectiveFrom, @Nullable LocalDate effectiveTo,
		Map<String, String> payableIndicators, Map<String, String> annualTaxIndicators,
		Map<String, String> forgivenIndicators) {

	public FormVersion {
		Objects.requireNonNull(formCode, "formCode");
		Objects.requireNonNull(maTKhai, "maTKhai");
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(taxType, "taxType");
		Objects.requireNonNull(effectiveFrom, "effectiveFrom");
		filingTypes = Set.copyOf(filingTypes);
		periodKinds = Set.copyOf(periodKinds);
		payableIndicators = Map.copyOf(payableIndicators);
		annualTaxIndicators = Map.copyOf(annualTaxIndicators);
		forgivenIndicators = Map.copyOf(forgivenIndicators);
	}


	/**
	 * Whether this version covers the given day.
	 * @param day a day, such as a tax period's first (ENV-3)
	 * @return {@code true} if the day lies within the effective range
	 */
	public boolean isInForceOn(LocalDate day) {
		return !day.isBefore(this.effectiveFrom) && (this.effectiveTo == null || !day.isAfter(this.effectiveTo));
	}

}
