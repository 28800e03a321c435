package etax.schemas;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import etax.schemas.MalformedReturnException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The findings of the envelope's pre-scan (ENV-1, ENV-2) quote the filer's text as the XSD findings do: whole up
 * to 1,024 characters, else by its first 200 and its length. The pre-scan runs before the SAX pass and its text
 * limit, so without it one rejection quoted a 5 MiB field three times, where a finding has about a kilobyte
 * (ADR 0002).
 */
class EnvelopeFindingsTests {

	private static final String TKHAITHUE = "/HSoThueDTu/HSoKhaiThue/TTinChung/TTinTKhaiThue/TKhaiThue";

	/** Longer than any finding's message quoting a value of 1,024 characters at most. */
	private static final int FINDING_BUDGET = 1_500;

	private final ReturnValidator validator = ReturnValidator.withDefaults();

	@ParameterizedTest
	@CsvSource({ "<maTKhai>842</maTKhai>, maTKhai, 9", "<pbanTKhaiXML>2.8.3</pbanTKhaiXML>, pbanTKhaiXML, 2",
			"<loaiTKhai>C</loaiTKhai>, loaiTKhai, T" })
	void aLongFieldOutsideTheCatalogIsQuotedByItsStart(String field, String name, String character) {
		String value = character.repeat(60_000);

		Finding finding = single(sample().replace(field, "<" + name + ">" + value + "</" + name + ">"));

		assertThat(finding.ruleId()).isEqualTo("ENV-2");
		assertThat(finding.xpath()).isEqualTo(TKHAITHUE + "/" + name);
		assertThat(finding.value()).isEqualTo(character.repeat(200) + "… (60000 characters)");
		assertThat(finding.message().vi()).contains(finding.value()).hasSizeLessThan(FINDING_BUDGET);
		assertThat(finding.message().en()).contains(finding.value()).hasSizeLessThan(FINDING_BUDGET);
	}

	/**
	 * A field of the envelope longer than a text may be is refused as the SAX pass refuses any such text, and as
	 * soon as it is read, not collected whole.
	 */
	@Test
	void aFieldLongerThanATextMayBeIsRefusedByThePreScan() {
		String xml = sample().replace("<maTKhai>842</maTKhai>", "<maTKhai>" + "9".repeat(4_000_000) + "</maTKhai>");

		MalformedReturnException refused = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refuse(xml));

		assertThat(refused.reason()).isEqualTo(Reason.TEXT_TOO_LONG);
		assertThat(refused.line()).isEqualTo(TestReturns.lineOf("valid/01_GTGT_Q1-2026.xml", "<maTKhai>"));
	}

	@Test
	void aFieldOfTheTextLimitIsStillAFinding() {
		String code = "9".repeat(ParserLimits.DEFAULT_MAX_TEXT_LENGTH);

		Finding finding = single(sample().replace("<maTKhai>842</maTKhai>", "<maTKhai>" + code + "</maTKhai>"));

		assertThat(finding.ruleId()).isEqualTo("ENV-2");
		assertThat(finding.value()).isEqualTo(Findings.shown(code)).hasSizeLessThan(250);
	}

	/**
	 * The JDK's parsers bound a name, and a namespace, to 1,000 characters (its {@code jdk.xml.maxXMLNameLimit}):
	 * together, the root's qualified name may be twice that, and was quoted in the value and the message.
	 */
	@Test
	void aLongQualifiedNameOfTheRootIsQuotedByItsStart() {
		String name = "R".repeat(1_000);
		String namespace = "urn:" + "x".repeat(990);

		Finding finding = single("<" + name + " xmlns=\"" + namespace + "\"/>");

		assertThat(finding.ruleId()).isEqualTo("ENV-1");
		assertThat(finding.xpath()).isEqualTo("/" + name);
		assertThat(finding.value()).isEqualTo("{urn:" + "x".repeat(195) + "… (1996 characters)");
		assertThat(finding.message().en()).endsWith("; found " + finding.value() + ".").hasSizeLessThan(FINDING_BUDGET);
		assertThat(finding.message().vi()).hasSizeLessThan(FINDING_BUDGET);
	}

	@Test
	void aLongEncodingNameIsQuotedByItsStart() {
		String encoding = "windows-" + "1".repeat(100_000);

		Finding finding = single(sample().replace("encoding=\"UTF-8\"", "encoding=\"" + encoding + "\""));

		assertThat(finding.ruleId()).isEqualTo("ENV-1");
		assertThat(finding.value()).isEqualTo("windows-" + "1".repeat(192) + "… (100008 characters)");
		assertThat(finding.message().en()).isEqualTo("The return must be encoded in UTF-8; this file is in "
				+ finding.value() + ".");
		assertThat(finding.message().vi()).endsWith(finding.value() + ".");
	}

	/**
	 * The encoding is read from the bytes before any parse: a name XML does not allow (a control character, which
	 * no XML 1.0 notice could carry) is not quoted as the file's encoding; the parser refuses the declaration.
	 */
	@Test
	void anEncodingNameXmlDoesNotAllowIsNotQuoted() {
		for (String encoding : new String[] { "\u0001", "a b", "" }) {
			String xml = sample().replace("encoding=\"UTF-8\"", "encoding=\"" + encoding + "\"");

			assertThat(refuse(xml).reason()).as(encoding).isEqualTo(Reason.NOT_WELL_FORMED);
		}
	}

	private static String sample() {
		return TestReturns.text("valid/01_GTGT_Q1-2026.xml");
	}

	private Finding single(String xml) {
		return single(xml.getBytes(StandardCharsets.UTF_8));
	}

	private Finding single(byte[] xml) {
		Validation validation = this.validator.validate(xml);
		assertThat(validation).isInstanceOf(Validation.NotReceivable.class);
		assertThat(validation.findings()).hasSize(1);
		return validation.findings().get(0);
	}

	private MalformedReturnException refuse(String xml) {
		MalformedReturnException refused = catchThrowableOfType(MalformedReturnException.class,
				() -> this.validator.validate(xml.getBytes(StandardCharsets.UTF_8)));
		assertThat(refused).as("refused").isNotNull();
		return refused;
	}

}
