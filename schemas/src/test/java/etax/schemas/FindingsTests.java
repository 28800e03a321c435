package etax.schemas;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How findings quote a value too long to show whole, for the XSD's findings, the pre-scan's, the rules'
 * ({@link RuleEngine} quotes its messages so) and the notices' sentences ({@link NoticeText#quoted}).
 */
class FindingsTests {

	private static final String EMOJI = "\uD83D\uDE00";

	/**
	 * A character outside the BMP is two UTF-16 units: a quote cut between them would end in a lone surrogate,
	 * which UTF-8 cannot encode (it becomes {@code ?}) and JSON writers escape as a character that is none.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 196, 197, 198, 199, 200 })
	void aLongValueIsNeverCutInsideACharacter(int letters) {
		String value = "A".repeat(letters) + EMOJI.repeat(1_000);

		String start = Findings.start(value);
		String shown = Findings.shown(value);
		LocalizedText quoted = NoticeText.quoted(value);

		assertThat(start).hasSizeBetween(199, 200).satisfies(FindingsTests::wellFormed);
		assertThat(value).startsWith(start);
		assertThat(shown).isEqualTo(start + "… (" + value.length() + " characters)").satisfies(FindingsTests::wellFormed);
		assertThat(quoted.vi()).startsWith("\"" + start + "…\"").satisfies(FindingsTests::wellFormed);
		assertThat(quoted.en()).isEqualTo("\"" + shown + "\"");
	}

	@Test
	void aCharacterEndingAtTheCutIsKeptWhole() {
		assertThat(Findings.start("A".repeat(198) + EMOJI.repeat(1_000))).isEqualTo("A".repeat(198) + EMOJI);
		assertThat(Findings.start("A".repeat(199) + EMOJI.repeat(1_000))).isEqualTo("A".repeat(199));
		assertThat(Findings.start("A".repeat(2_000))).isEqualTo("A".repeat(200));
	}

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

	/**
	 * A message this module does not word is the validator's text, which quotes an attribute's value whole: each
	 * quoted argument over {@value Findings#MAX_VALUE_LENGTH} characters is shown by its start, and the text is bounded
	 * even when a value is nothing but quotes.
	 */
	@Test
	void theValidatorsTextQuotesEachLongArgumentByItsStart() {
		String type = "t".repeat(4_000_000);
		String id = "I".repeat(100_000);
		String quotes = "cvc-id.2: There are multiple occurrences of ID value '" + "'".repeat(100_000) + "'.";

		assertThat(Findings.shownQuotes("cvc-elt.4.2: Cannot resolve '" + type + "' to a type definition for element "
				+ "'ct22'.")).isEqualTo("cvc-elt.4.2: Cannot resolve '" + "t".repeat(200) + "… (4000000 characters)' to a "
						+ "type definition for element 'ct22'.");
		assertThat(Findings.shownQuotes("cvc-id.2: There are multiple occurrences of ID value '" + id + "'."))
			.isEqualTo("cvc-id.2: There are multiple occurrences of ID value '" + "I".repeat(200)
					+ "… (100000 characters)'.");
		assertThat(Findings.shownQuotes(quotes)).startsWith("cvc-id.2: There are multiple occurrences of ID value ''''")
			.endsWith("… (" + quotes.length() + " characters)")
			.hasSizeLessThan(Findings.MAX_MESSAGE_LENGTH);
		assertThat(Findings.shownQuotes("cvc-elt.1.a: Cannot find the declaration of element 'x'."))
			.isEqualTo("cvc-elt.1.a: Cannot find the declaration of element 'x'.");
	}

	private static void wellFormed(String text) {
		assertThat(text.codePoints().filter((point) -> Character.getType(point) == Character.SURROGATE)).isEmpty();
		assertThat(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(text);
	}

}
