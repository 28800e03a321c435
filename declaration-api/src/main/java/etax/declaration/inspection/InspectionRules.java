package etax.declaration.inspection;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import etax.schemas.FormCatalog;
import etax.schemas.FormVersion;

/**
 * What an inspection and its conclusion may be: a kind of the list, inspected periods that end on or after they
 * start, tax types the catalog's forms declare, and decisions dated on or before today, the conclusion on or after
 * the announcement. The law sets no window here: an inspection may cover any past periods.
 */
final class InspectionRules {

	/** The tax types of the catalog's forms; the catalog does not change while the application runs. */
	private static final Set<String> TAX_TYPES = FormCatalog.load()
		.versions()
		.stream()
		.map(FormVersion::taxType)
		.collect(Collectors.toCollection(TreeSet::new));

	/** Before any return this system takes (the catalog's oldest versions are of 2015): a date typed wrongly. */
	private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private InspectionRules() {
	}

	static InspectionKind check(TaxInspections.Announcement announcement, LocalDate today) {
		InspectionKind kind = InspectionKind.of(announcement.kind())
			.orElseThrow(() -> new InvalidInspectionException("kind", "The kind must be one of " + String.join(", ",
					Arrays.stream(InspectionKind.values()).map(Enum::name).toList())));
		if (announcement.periodTo().isBefore(announcement.periodFrom())) {
			throw new InvalidInspectionException("periodTo",
					"The inspected periods must not end (" + announcement.periodTo() + ") before they start ("
							+ announcement.periodFrom() + ")");
		}
		if (announcement.periodTo().isAfter(announcement.announcedOn())) {
			throw new InvalidInspectionException("periodTo", "An inspection covers periods up to its announcement ("
					+ announcement.announcedOn() + "), not to " + announcement.periodTo());
		}
		if (announcement.periodFrom().isBefore(EARLIEST)) {
			throw new InvalidInspectionException("periodFrom", "The inspected periods start on or after " + EARLIEST
					+ ", not on " + announcement.periodFrom());
		}
		List<String> unknown = announcement.taxTypes().stream().filter((type) -> !TAX_TYPES.contains(type)).toList();
		if (!unknown.isEmpty()) {
			throw new InvalidInspectionException("taxTypes", "Unknown tax types " + unknown + ": the catalog's are "
					+ String.join(", ", TAX_TYPES));
		}
		notAfterToday("announcedOn", announcement.announcedOn(), today);
		return kind;
	}

	static void check(TaxInspections.Concluding concluding, TaxInspection inspection, LocalDate today) {
		if (concluding.concludedOn().isBefore(inspection.announcedOn())) {
			throw new InvalidInspectionException("concludedOn", "The conclusion (" + concluding.concludedOn()
					+ ") cannot come before the inspection was announced (" + inspection.announcedOn() + ")");
		}
		notAfterToday("concludedOn", concluding.concludedOn(), today);
	}

	private static void notAfterToday(String field, LocalDate day, LocalDate today) {
		if (day.isAfter(today)) {
			throw new InvalidInspectionException(field,
					"A decision is recorded once issued: " + day + " is after today, " + today);
		}
	}

}
