package etax.declaration.submission;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import etax.schemas.Finding;
import etax.schemas.FormCatalog;
import etax.schemas.FormVersion;
import etax.schemas.ReturnValidator;
import etax.schemas.Samples;
import etax.schemas.Validation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionInForceTests {

	/**
	 * Q4/2021 on the TT80 version (in force from 2022): the validator refuses it by its period, the intake receives it
	 * when filed once the version is in force, as R-ENV-3 reads (the version in force at the submission date).
	 */
	@Test
	void aVersionInForceOnTheFilingDayIsReceivedForAnEarlierPeriod() {
		String sample = new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8);
		byte[] xml = sample.replace("<kyKKhai>1/2026</kyKKhai>", "<kyKKhai>4/2021</kyKKhai>")
			.getBytes(StandardCharsets.UTF_8);
		Validation validation = ReturnValidator.withDefaults().validate(xml);
		FormVersion form = FormCatalog.load().find("842", "2.8.3", "C").orElseThrow();
		assertThat(validation.findings()).extracting(Finding::ruleId).contains(VersionInForce.RULE);

		List<Finding> filedIn2022 = VersionInForce.judged(validation.findings(), form, LocalDate.of(2022, 1, 20));
		List<Finding> filedIn2021 = VersionInForce.judged(validation.findings(), form, LocalDate.of(2021, 12, 20));

		assertThat(filedIn2022).extracting(Finding::ruleId).doesNotContain(VersionInForce.RULE);
		assertThat(filedIn2021).extracting(Finding::ruleId).contains(VersionInForce.RULE);
	}

}
