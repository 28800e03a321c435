package etax.schemas;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How findings quote a value too long to show whole, for the XSD's findings, the pre-scan's, the rules'
 * ({@link RuleEngine} quotes its messages so) and the notices' sentences ({@link NoticeText#quoted}).
 */
class FindingsTests {

	/**
	 * The root's name and namespace are read by the pre-scan, before any limit of this module's: the JDK's bound on
	 * names (1,000 characters by default) is a system property, which may be lifted.
	 */
	@Test
	void aLongRootNameIsQuotedByItsStartInTheXPathToo() {
		Finding finding = Findings.wrongRoot("R".repeat(100_000), "urn:x", 1, 2);

		assertThat(finding.ruleId()).isEqualTo("ENV-1");
		assertThat(finding.xpath()).isEqualTo("/" + "R".repeat(200) + "… (100000 characters)");
		assertThat(finding.value()).isEqualTo("{urn:x}" + "R".repeat(193) + "… (100007 characters)");
		assertThat(finding.message().en()).endsWith("; found " + finding.value() + ".").hasSizeLessThan(1_500);
	}

}
