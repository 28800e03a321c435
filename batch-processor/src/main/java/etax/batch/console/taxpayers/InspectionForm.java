package etax.batch.console.taxpayers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import etax.batch.console.Paging;
import org.jspecify.annotations.Nullable;

/**
 * An announced inspection as the officer records it on the taxpayer's page, as typed. The console checks only what
 * it must to send it (a decision number, a kind of the list, days, tax type codes); whether the dates can be and
 * the tax types exist is declaration-api's to say. Sent back to the page when refused.
 *
 * @param decisionNumber the decision's number, e.g. {@code 123/QĐ-CT}
 * @param kind a code of {@link Choice#INSPECTION_KINDS}
 * @param periodFrom the first day of the inspected tax periods, {@code yyyy-MM-dd}
 * @param periodTo the last day
 * @param taxTypes tax type codes separated by commas or spaces, e.g. {@code GTGT, TNDN}; blank for all
 * @param announcedOn the day the decision was announced
 */
record InspectionForm(@Nullable String decisionNumber, @Nullable String kind, @Nullable String periodFrom,
		@Nullable String periodTo, @Nullable String taxTypes, @Nullable String announcedOn) {

	private static final Pattern TAX_TYPE = Pattern.compile("[A-Z_]{1,20}");

	static InspectionForm of(@Nullable String decisionNumber, @Nullable String kind, @Nullable String periodFrom,
			@Nullable String periodTo, @Nullable String taxTypes, @Nullable String announcedOn) {
		return new InspectionForm(Paging.text(decisionNumber), Paging.text(kind), Paging.text(periodFrom),
				Paging.text(periodTo), Paging.text(taxTypes), Paging.text(announcedOn));
	}

	/** @return what is wrong with it, in words; empty when it can be sent */
	List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (this.decisionNumber == null || this.decisionNumber.length() > 60) {
			problems.add("The decision number is up to 60 characters, such as 123/QĐ-CT.");
		}
		if (Choice.of(Choice.INSPECTION_KINDS, this.kind).isEmpty()) {
			problems.add("Choose the kind: a tax audit (thanh tra) or a tax inspection (kiểm tra).");
		}
		if (TypedDays.parse(this.periodFrom) == null || TypedDays.parse(this.periodTo) == null) {
			problems.add("The inspected periods run from a day to a day, such as 2024-01-01 to 2024-12-31.");
		}
		if (!taxTypeList().stream().allMatch((type) -> TAX_TYPE.matcher(type).matches())) {
			problems.add("Tax types are codes such as GTGT or TNDN, separated by commas; leave it empty for all.");
		}
		if (TypedDays.parse(this.announcedOn) == null) {
			problems.add("The day the decision was announced is a day such as 2026-03-02.");
		}
		return problems;
	}

	/** @return the request declaration-api takes; only when there are no {@link #problems} */
	Request request() {
		List<String> problems = problems();
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join(" ", problems));
		}
		return new Request(this.decisionNumber, this.kind, String.valueOf(TypedDays.parse(this.periodFrom)),
				String.valueOf(TypedDays.parse(this.periodTo)), taxTypeList(),
				String.valueOf(TypedDays.parse(this.announcedOn)));
	}

	/** @return the kind in words, Vietnamese first, or as typed */
	String kindWords() {
		return Choice.of(Choice.INSPECTION_KINDS, this.kind).map(Choice::words).orElse(String.valueOf(this.kind));
	}

	/** @return the tax types typed, or that all are */
	String taxTypesWords() {
		List<String> types = taxTypeList();
		return types.isEmpty() ? "all" : String.join(", ", types);
	}

	private List<String> taxTypeList() {
		if (this.taxTypes == null) {
			return List.of();
		}
		return Arrays.stream(this.taxTypes.split("[,\\s]+")).filter((type) -> !type.isEmpty()).toList();
	}

	/** What {@code POST /api/v1/taxpayers/{mst}/inspections} takes. */
	record Request(@Nullable String decisionNumber, @Nullable String kind, String periodFrom, String periodTo,
			List<String> taxTypes, String announcedOn) {

	}

}
