package etax.declaration.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import etax.schemas.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * A tax inspection at a taxpayer's premises, as recorded once its decision was announced, and its conclusion if
 * any. Both are kept, never changed: the inspection stood announced from {@code announcedOn}, and concluded from
 * the conclusion's {@code concludedOn}.
 *
 * @param id the inspection
 * @param mst the taxpayer
 * @param decisionNumber the number of the decision of inspection
 * @param kind thanh tra or kiểm tra
 * @param periodFrom the first day of the tax periods inspected
 * @param periodTo the last day of the tax periods inspected
 * @param taxTypes the tax types inspected (catalog codes, e.g. {@code GTGT}); empty: every tax of the taxpayer
 * @param announcedOn the day the decision was announced
 * @param recordedBy the officer who recorded it (token subject)
 * @param recordedAt when
 * @param conclusion its conclusion, if recorded (as it stood at a postmark, when read for a filing)
 */
public record TaxInspection(UUID id, String mst, String decisionNumber, InspectionKind kind, LocalDate periodFrom,
		LocalDate periodTo, List<String> taxTypes, LocalDate announcedOn, String recordedBy, Instant recordedAt,
		@Nullable Conclusion conclusion) {

	public TaxInspection {
		taxTypes = List.copyOf(taxTypes);
	}

	/** Whether another inspection was announced as this one: the same decision, kind, periods, taxes and day. */
	boolean announces(TaxInspection other) {
		return this.decisionNumber.equals(other.decisionNumber) && this.kind == other.kind
				&& this.periodFrom.equals(other.periodFrom) && this.periodTo.equals(other.periodTo)
				&& this.taxTypes.equals(other.taxTypes) && this.announcedOn.equals(other.announcedOn);
	}

	/**
	 * @return what the kind is called, in both languages
	 */
	@JsonProperty("kindLabel")
	public LocalizedText kindLabel() {
		return this.kind.label();
	}

	/**
	 * The conclusion or decision on tax handling that ended an inspection.
	 *
	 * @param concludedOn the day it was issued
	 * @param decisionNumber its number
	 * @param recordedBy the officer who recorded it (token subject)
	 * @param recordedAt when
	 * @param assessedTax the tax it assessed, each a payable item of the taxpayer; none when it found nothing to
	 * collect
	 */
	public record Conclusion(LocalDate concludedOn, String decisionNumber, String recordedBy, Instant recordedAt,
			List<AssessedTax> assessedTax) {

		public Conclusion {
			assessedTax = List.copyOf(assessedTax);
		}

	}

}
