package etax.declaration.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import etax.declaration.inspection.InspectionKind;
import etax.declaration.inspection.TaxInspection;
import etax.schemas.Finding;
import etax.schemas.FormCatalog;
import etax.schemas.FormVersion;
import etax.schemas.ReturnDocument;
import etax.schemas.ReturnHeader;
import etax.schemas.TaxPeriod;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reduces the tax once an inspection is concluded (Law 38/2019 Art. 47(3)): the payable items' total, and for
 * the VAT returns the refund claimed and the VAT carried forward.
 */
class InspectedPeriodTests {

	private static final Map<String, String> IN_FORCE = Map.of("ct40", "22000000", "ct42", "0", "ct43", "0");

	private static final TaxInspection ANNOUNCED = inspection(null);

	private static final TaxInspection CONCLUDED = inspection(
			new TaxInspection.Conclusion(LocalDate.parse("2026-05-08"), "45/KL-CT", "officer-99999", Instant.EPOCH,
					List.of()));

	@Test
	void onceConcludedLessTaxPayableOrMoreRefundOrCarriedForwardIsRefused() {
		assertThat(rule("842", "B", Map.of("ct40", "21999999"), CONCLUDED)).contains("CTX-DUP-11");
		assertThat(rule("842", "B", Map.of("ct40", "22000000", "ct42", "1"), CONCLUDED)).contains("CTX-DUP-11");
		assertThat(rule("842", "B", Map.of("ct40", "23000000", "ct43", "1"), CONCLUDED)).as("more tax, more credit")
			.contains("CTX-DUP-11");
		assertThat(rule("844", "B", Map.of("ct30", "0", "ct32", "5"), CONCLUDED)).as("02/GTGT [32]")
			.contains("CTX-DUP-11");
	}

	@Test
	void onceConcludedMoreTaxOrNoChangeIsAcceptedWithTheWarning() {
		assertThat(rule("842", "B", Map.of("ct40", "22000001"), CONCLUDED)).contains("CTX-DUP-10");
		assertThat(rule("842", "B", IN_FORCE, CONCLUDED)).contains("CTX-DUP-10");
		assertThat(rule("892", "B", Map.of("ct20", "9"), CONCLUDED)).as("a form judged on its payable indicators only")
			.contains("CTX-DUP-10");
	}

	@Test
	void announcedOnlyEvenLessTaxIsAcceptedWithTheWarningAndAnOriginalOrNoInspectionIsNotConcerned() {
		assertThat(rule("842", "B", Map.of("ct40", "0"), ANNOUNCED)).contains("CTX-DUP-10");
		assertThat(rule("842", "B", Map.of("ct40", "0"), ANNOUNCED, CONCLUDED)).as("a concluded one decides")
			.contains("CTX-DUP-11");
		assertThat(rule("842", "C", Map.of("ct40", "0"), CONCLUDED)).isEmpty();
		assertThat(InspectedPeriod.check(document("842", "B", IN_FORCE), List.of(), inForce())).isEmpty();
		assertThat(InspectedPeriod.check(document("842", "B", IN_FORCE), List.of(CONCLUDED), Optional.empty()))
			.as("no return in force: CTX-DUP-02 refuses it")
			.isEmpty();
	}

	private static Optional<String> rule(String maTKhai, String filingType, Map<String, String> indicators,
			TaxInspection... inspections) {
		return InspectedPeriod.check(document(maTKhai, filingType, indicators), List.of(inspections), inForce())
			.map(Finding::ruleId);
	}

	private static Optional<ReturnChains.Member> inForce() {
		return Optional.of(new ReturnChains.Member(UUID.randomUUID(), "10000000000000042", "C", 0, IN_FORCE, null, null));
	}

	private static ReturnDocument document(String maTKhai, String filingType, Map<String, String> indicators) {
		FormVersion form = FormCatalog.load()
			.versions()
			.stream()
			.filter((version) -> version.maTKhai().equals(maTKhai))
			.findFirst()
			.orElseThrow();
		ReturnHeader header = new ReturnHeader("0313829148", form.formCode(), maTKhai, form.version(), filingType, 1,
				new TaxPeriod("Q", "1/2026", null, null), "99999", LocalDate.parse("2026-05-09"), null);
		return new ReturnDocument(header, form, indicators, List.of(), null, "0".repeat(64), new byte[0]);
	}

	private static TaxInspection inspection(TaxInspection.@Nullable Conclusion conclusion) {
		return new TaxInspection(UUID.randomUUID(), "0313829148", "12/QĐ-CT", InspectionKind.KIEM_TRA,
				LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31"), List.of(), LocalDate.parse("2026-05-04"),
				"officer-99999", Instant.EPOCH, conclusion);
	}

}
