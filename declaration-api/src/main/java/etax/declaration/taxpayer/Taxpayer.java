package etax.declaration.taxpayer;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import etax.ids.TaxpayerId;

/**
 * A registered taxpayer as the intake sees it.
 *
 * @param mst the taxpayer id
 * @param name the registered name
 * @param status {@code ACTIVE}, {@code SUSPENDED} or {@code CLOSED}; only active taxpayers file, but for a
 * finalization, which a business that ceased or is dissolving still files
 * @param eFiling whether the taxpayer is enrolled for electronic filing
 * @param filingFrequency {@code M} (monthly) or {@code Q} (quarterly) for VAT and withheld PIT: the frequency in
 * force since ever, until the first of {@code frequencyChanges}
 * @param taxOfficeCode the managing tax office (maCQTNoiNop)
 * @param chapter the budget chapter (mã chương) its payments are booked under
 * @param frequencyChanges the later changes of the filing frequency, oldest first
 * @param deadlinesExtended whether an officer ever granted it an extension of a filing deadline (ADR 0021): only
 * then does the intake look for the extension in force, so that the filings of every other taxpayer cost no
 * look-up of their own
 * @param inspected whether an officer ever recorded a tax inspection at its premises (ADR 0023): only then does
 * the intake read the inspections a supplement's period is under, for the same reason
 */
public record Taxpayer(String mst, String name, String status, boolean eFiling, String filingFrequency,
		String taxOfficeCode, String chapter, List<FrequencyChange> frequencyChanges, boolean deadlinesExtended,
		boolean inspected) {

	/**
	 * Whether another reading of the taxpayer says what its registration says: its details, status, office and
	 * frequencies (not whether it ever had an extension or an inspection, which are recorded apart).
	 */
	public boolean sameRegistration(Taxpayer other) {
		return this.mst.equals(other.mst) && this.name.equals(other.name) && this.status.equals(other.status)
				&& this.eFiling == other.eFiling && this.filingFrequency.equals(other.filingFrequency)
				&& this.taxOfficeCode.equals(other.taxOfficeCode) && this.chapter.equals(other.chapter)
				&& this.frequencyChanges.equals(other.frequencyChanges);
	}

	/** The budget chapters of households and individuals (VN-ETAX §2.2): provincial, district and commune level. */
	private static final Pattern INDIVIDUALS_CHAPTER = Pattern.compile("[578]57");

	public Taxpayer {
		frequencyChanges = frequencyChanges.stream().sorted(Comparator.comparing(FrequencyChange::effectiveFrom)).toList();
	}

	public boolean isActive() {
		return "ACTIVE".equals(this.status);
	}

	/**
	 * Whether fines of fixed amounts charge the taxpayer half of an organisation's (Decree 125/2020 Art. 7(4): an
	 * individual, a household, a household or individual business): one whose MST is a 12-digit personal id, or one
	 * whose payments are booked under the budget chapter of households and individuals, at any managing level (557,
	 * 757, 857; VN-ETAX.md §2.2), as a household business with a ten-digit MST is.
	 * @return whether the taxpayer is an individual or a household
	 */
	public boolean isIndividual() {
		return TaxpayerId.parse(this.mst).isPersonal() || INDIVIDUALS_CHAPTER.matcher(this.chapter).matches();
	}

	/**
	 * The filing frequency in force for a period: the period kind a monthly or quarterly return must have.
	 * @param periodStart the first day of the period
	 * @return {@code M} or {@code Q}
	 */
	public String filingFrequencyOn(LocalDate periodStart) {
		String frequency = this.filingFrequency;
		for (FrequencyChange change : this.frequencyChanges) {
			if (change.effectiveFrom().isAfter(periodStart)) {
				break;
			}
			frequency = change.frequency();
		}
		return frequency;
	}

	@Override
	public String toString() {
		return "Taxpayer[" + new TaxpayerId(this.mst) + ", status=" + this.status + "]";
	}

}
