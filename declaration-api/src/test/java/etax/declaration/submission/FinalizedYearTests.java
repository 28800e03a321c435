package etax.declaration.submission;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import etax.schemas.FormCatalog;
import etax.schemas.FormVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which finalization each monthly or quarterly CIT, PIT and resource-tax form of the catalog has (R-DUP-4). */
class FinalizedYearTests {

	@Test
	void eachFormsFinalizationIsTheCatalogsOfItsTaxTypeAndNumber() {
		Map<String, String> finalizations = new TreeMap<>();
		for (FormVersion form : FormCatalog.load().versions()) {
			if (Set.of("TNDN", "TNCN", "TAIN").contains(form.taxType())
					&& (form.periodKinds().contains("M") || form.periodKinds().contains("Q"))) {
				finalizations.put(form.formCode(), FinalizedYear.finalizationOf(form).orElse("none"));
			}
		}

		assertThat(finalizations).containsEntry("05/KK-TNCN", "05/QTT-TNCN")
			.containsEntry("02/KK-TNCN", "02/QTT-TNCN")
			.containsEntry("01/TAIN", "02/TAIN")
			.containsEntry("06/TNCN", "none")
			.containsEntry("01/XSBHĐC", "none")
			.containsEntry("01/CNKD", "none")
			.containsEntry("04/NNG-TNCN", "none");
		assertThat(finalizations.values()).as("no other form has one").filteredOn((code) -> !code.equals("none")).hasSize(3);
	}

	@Test
	void aFinalizationsChainHasNoActivityNorUnit() {
		FormCatalog catalog = FormCatalog.load();
		for (FormVersion form : catalog.versions()) {
			FinalizedYear.finalizationOf(form)
				.flatMap((code) -> catalog.versions().stream().filter((other) -> other.formCode().equals(code)).findFirst())
				.ifPresent((finalization) -> assertThat(catalog.chainFields(finalization.maTKhai(), finalization.version()))
					.as(finalization.formCode())
					.isEmpty());
		}
	}

	@Test
	void otherTaxTypesAndAnnualFormsHaveNone() {
		FormCatalog catalog = FormCatalog.load();
		assertThat(catalog.versions().stream().filter((form) -> form.formCode().equals("01/GTGT")))
			.allSatisfy((form) -> assertThat(FinalizedYear.finalizationOf(form)).isEmpty());
	}

}
