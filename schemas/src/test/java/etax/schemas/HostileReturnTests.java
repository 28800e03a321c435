package etax.schemas;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.ext.DefaultHandler2;

import etax.schemas.MalformedReturnException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class HostileReturnTests {

	private final ReturnValidator validator = ReturnValidator.withDefaults();

	@TempDir
	Path directory;

	private Bait bait;

	@BeforeEach
	void setBait() {
		this.bait = new Bait(this.directory);
	}

	@AfterEach
	void removeBait() {
		this.bait.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "xxe-external-entity.xml", "xxe-parameter-entity.xml", "xinclude.xml",
			"xinclude-in-envelope.xml" })
	void externalReferencesAreRefusedAndNeverRead(String file) {
		for (String target : new String[] { this.bait.fileUri(), this.bait.httpUri() }) {
			MalformedReturnException refused = refuse(withTarget(file, target));

			assertThat(refused.reason()).isEqualTo(Reason.FORBIDDEN_CONSTRUCT);
			assertThat(refused.line()).isPositive();
			assertThat(String.valueOf(refused)).doesNotContain(this.bait.marker);
		}
		assertThat(this.bait.requests()).isZero();
	}

	@Test
	void billionLaughsIsRefusedBeforeAnyExpansion() {
		MalformedReturnException refused = refuse(TestReturns.read("hostile/billion-laughs.xml"));

		assertThat(refused.reason()).isEqualTo(Reason.FORBIDDEN_CONSTRUCT);
		assertThat(refused.getMessage()).contains("DOCTYPE").doesNotContain("lol");
	}

	@Test
	void schemaLocationHintsAreIgnored() {
		for (String target : new String[] { this.bait.fileUri(), this.bait.httpUri() }) {
			Validation validation = this.validator.validate(withTarget("schema-location-hint.xml", target));

			assertThat(validation).isInstanceOf(Validation.Receivable.class);
			assertThat(validation.findings()).isEmpty();
		}
		assertThat(this.bait.requests()).isZero();
	}

	@Test
	void oversizedInputIsRefusedBeforeParsing() {
		byte[] sample = Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml");
		ReturnValidator small = new ReturnValidator(FormCatalog.load(), new ParserLimits(1024, 64, 1000));

		MalformedReturnException refused = catchThrowableOfType(MalformedReturnException.class,
				() -> small.validate(sample));

		assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE);
		assertThat(refused.line()).isNull();
	}

	@Test
	void deepNestingIsRefused() {
		MalformedReturnException refused = refuse(TestReturns.read("hostile/too-deep.xml"));

		assertThat(refused.reason()).isEqualTo(Reason.TOO_DEEP);
		assertThat(refused.line()).isEqualTo(TestReturns.lineOf("hostile/too-deep.xml", "<L0>"));
	}

	@Test
	void deepNestingInTheEnvelopeIsRefusedByThePreScan() {
		String deep = "<a>".repeat(100) + "</a>".repeat(100);
		String xml = TestReturns.text("valid/01_GTGT_Q1-2026.xml").replace("<maDVu>HTKK</maDVu>", deep);

		assertThat(refuse(xml.getBytes(StandardCharsets.UTF_8)).reason()).isEqualTo(Reason.TOO_DEEP);
	}

	@Test
	void tooManyElementsAreRefused() {
		ReturnValidator strict = new ReturnValidator(FormCatalog.load(), new ParserLimits(1 << 20, 64, 50));

		MalformedReturnException refused = catchThrowableOfType(MalformedReturnException.class,
				() -> strict.validate(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml")));

		assertThat(refused.reason()).isEqualTo(Reason.TOO_MANY_ELEMENTS);
		assertThat(refused.getMessage()).contains("element count");
	}

	/**
	 * Comments and processing instructions count as elements do: a return of thousands of empty comments would
	 * reach an observer (the signature's capture builds a tree of what it sees) within every other limit.
	 */
	@Test
	void commentsAndProcessingInstructionsCountAgainstTheElementLimit() {
		ReturnValidator strict = new ReturnValidator(FormCatalog.load(), new ParserLimits(1 << 20, 64, 400));
		DefaultHandler2 observer = new DefaultHandler2();
		String comments = "<!---->".repeat(1_000);
		String instructions = "<?x?>".repeat(1_000);

		for (String nodes : List.of(comments, instructions)) {
			byte[] xml = TestReturns.text("valid/01_GTGT_Q1-2026.xml")
				.replace("<tenNNT>", nodes + "<tenNNT>")
				.getBytes(StandardCharsets.UTF_8);
			MalformedReturnException refused = catchThrowableOfType(MalformedReturnException.class,
					() -> strict.validate(xml, observer));
			assertThat(refused.reason()).isEqualTo(Reason.TOO_MANY_ELEMENTS);
		}
		assertThat(strict.validate(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), observer))
			.isInstanceOf(Validation.Receivable.class);
	}

	@Test
	void aTextLongerThanTheLimitIsRefusedBeforeTheSchemaSeesIt() {
		byte[] xml = withName("x".repeat(4_000_000));

		MalformedReturnException refused = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refuse(xml));

		assertThat(refused.reason()).isEqualTo(Reason.TEXT_TOO_LONG);
		assertThat(refused.line()).isEqualTo(TestReturns.lineOf("valid/01_GTGT_Q1-2026.xml", "<tenNNT>"));
		assertThat(refused.getMessage()).doesNotContain("xxxx");
	}

	@Test
	void aTextAtTheLimitIsRead() {
		Validation validation = this.validator.validate(withName("x".repeat(ParserLimits.DEFAULT_MAX_TEXT_LENGTH)));

		assertThat(validation).isInstanceOf(Validation.NotReceivable.class);
		assertThat(validation.findings()).extracting(Finding::xpath).anyMatch((xpath) -> xpath.endsWith("/tenNNT"));
	}

	/**
	 * The required text of {@code tenNNT} is checked in time linear in its length: with no text limit, two
	 * million characters, blank or not, take well under a second each to validate (the former pattern
	 * {@code [\s\S]*\S[\s\S]*} took over a second at 100,000 and minutes at four million).
	 */
	@Test
	void aRequiredTextIsCheckedInLinearTime() {
		ReturnValidator unlimited = new ReturnValidator(FormCatalog.load(),
				new ParserLimits(16 * 1024 * 1024, 64, 200_000, 8 * 1024 * 1024));
		// over maxLength; blank; and a name padded with whitespace, whose collapsed value maxLength counts
		assertThat(validateQuickly(unlimited, "x".repeat(2_000_000))).isInstanceOf(Validation.NotReceivable.class);
		assertThat(validateQuickly(unlimited, " ".repeat(2_000_000))).isInstanceOf(Validation.NotReceivable.class);
		assertThat(validateQuickly(unlimited, " ".repeat(2_000_000) + "x")).isInstanceOf(Validation.Receivable.class);
	}

	private static Validation validateQuickly(ReturnValidator validator, String name) {
		return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> validator.validate(withName(name)));
	}

	private static byte[] withName(String name) {
		return TestReturns.text("valid/01_GTGT_Q1-2026.xml")
			.replace("<tenNNT>CÔNG TY TNHH VÍ DỤ</tenNNT>", "<tenNNT>" + name + "</tenNNT>")
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Tens of thousands of namespace declarations over many elements would cost every reader of the scope (a
	 * signature's canonical form) their number at each element: refused at the first declaration past the bound.
	 */
	@Test
	void tooManyNamespacesInScopeAreRefusedAtOnce() {
		String xml = TestReturns.text("valid/01_GTGT_Q1-2026.xml")
			.replace("<maDVu>HTKK</maDVu>", "<x" + declarations(0, 100) + "><y" + declarations(100, 200) + ">"
					+ "<s xmlns:q=\"u\"/>".repeat(50_000) + "</y></x>");

		MalformedReturnException refused = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> refuse(xml.getBytes(StandardCharsets.UTF_8)));

		assertThat(refused.reason()).isEqualTo(Reason.TOO_MANY_NAMESPACES);
		assertThat(refused.getMessage()).contains("more than " + ParserLimits.MAX_NAMESPACES_IN_SCOPE);
	}

	/**
	 * The parsers check each of an element's namespace declarations against those before it: 150,000 on one element
	 * (4 MB) took the pre-scan three and a half seconds, before any limit of ours could count them. The JDK's limit
	 * on an element's attributes counts them, set to {@value ParserLimits#MAX_ATTRIBUTES}, in the pre-scan (the root)
	 * as in the SAX pass (the body).
	 */
	@ParameterizedTest
	@ValueSource(ints = { 1_000, 150_000 })
	void anElementOfThousandsOfNamespaceDeclarationsIsRefusedAtOnce(int count) {
		String sample = TestReturns.text("valid/01_GTGT_Q1-2026.xml");
		for (String xml : List.of(sample.replace("<HSoThueDTu ", "<HSoThueDTu" + declarations(0, count) + " "),
				sample.replace("<ct22>", "<ct22" + declarations(0, count) + ">"))) {
			MalformedReturnException refused = assertTimeoutPreemptively(Duration.ofSeconds(10),
					() -> refuse(xml.getBytes(StandardCharsets.UTF_8)));

			assertThat(refused.reason()).isEqualTo(Reason.TOO_MANY_ATTRIBUTES);
			assertThat(refused.getMessage()).isEqualTo("Return has an element with more than 256 attributes (namespace "
					+ "declarations included)");
			assertThat(refused.line()).isPositive();
		}
	}

	@Test
	void anElementOfTooManyAttributesIsRefused() {
		StringBuilder attributes = new StringBuilder();
		for (int i = 0; i <= ParserLimits.MAX_ATTRIBUTES; i++) {
			attributes.append(" a").append(i).append("=\"v\"");
		}
		String xml = TestReturns.text("valid/01_GTGT_Q1-2026.xml").replace("<ct22>", "<ct22" + attributes + ">");

		assertThat(refuse(xml.getBytes(StandardCharsets.UTF_8)).reason()).isEqualTo(Reason.TOO_MANY_ATTRIBUTES);
	}

	/** An attribute's value is a text as an element's is: {@code xsi:type} of 4 million characters is never resolved. */
	@Test
	void anAttributeValueLongerThanTheTextLimitIsRefused() {
		String xml = TestReturns.text("valid/01_GTGT_Q1-2026.xml")
			.replace("<ct22>", "<ct22 xsi:type=\"" + "x".repeat(4_000_000) + "\">");

		MalformedReturnException refused = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> refuse(xml.getBytes(StandardCharsets.UTF_8)));

		assertThat(refused.reason()).isEqualTo(Reason.TEXT_TOO_LONG);
		assertThat(refused.line()).isEqualTo(TestReturns.lineOf("valid/01_GTGT_Q1-2026.xml", "<ct22>"));
	}

	private static String declarations(int from, int to) {
		StringBuilder declarations = new StringBuilder();
		for (int i = from; i < to; i++) {
			declarations.append(" xmlns:p").append(i).append("=\"urn:p").append(i).append('"');
		}
		return declarations.toString();
	}

	@Test
	void aReturnInXml11IsRefused() {
		String xml = TestReturns.text("valid/01_GTGT_Q1-2026.xml").replace("<?xml version=\"1.0\"", "<?xml version=\"1.1\"");

		MalformedReturnException refused = refuse(xml.getBytes(StandardCharsets.UTF_8));

		assertThat(refused.reason()).isEqualTo(Reason.FORBIDDEN_CONSTRUCT);
		assertThat(refused.getMessage()).contains("XML 1.1");
	}

	/**
	 * A comment or a processing instruction before the root is a node the limits count as an element; counted so,
	 * it once made the root look like no first element, and XML 1.1 went through. The comment reaches a lexical
	 * observer, as the signature's capture is.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "<?x?>", "<!-- a note -->" })
	void aReturnInXml11IsRefusedWhateverPrecedesItsRoot(String node) {
		String xml = TestReturns.text("valid/01_GTGT_Q1-2026.xml")
			.replace("<?xml version=\"1.0\"", "<?xml version=\"1.1\"")
			.replace("<HSoThueDTu ", node + "<HSoThueDTu ");

		MalformedReturnException refused = catchThrowableOfType(MalformedReturnException.class,
				() -> this.validator.validate(xml.getBytes(StandardCharsets.UTF_8), new DefaultHandler2()));

		assertThat(refused).as("refused").isNotNull();
		assertThat(refused.reason()).isEqualTo(Reason.FORBIDDEN_CONSTRUCT);
		assertThat(refused.getMessage()).contains("XML 1.1");
	}

	/**
	 * The pre-scan reads XML 1.1 too, and a control character written as a reference in a field it quotes would
	 * reach the finding, and every XML 1.0 notice of it: refused there as the SAX pass refuses it.
	 */
	@Test
	void aReturnInXml11IsRefusedByThePreScan() {
		String xml = TestReturns.text("valid/01_GTGT_Q1-2026.xml")
			.replace("<?xml version=\"1.0\"", "<?xml version=\"1.1\"")
			.replace("<maTKhai>842</maTKhai>", "<maTKhai>&#1;</maTKhai>");

		MalformedReturnException refused = refuse(xml.getBytes(StandardCharsets.UTF_8));

		assertThat(refused.reason()).isEqualTo(Reason.FORBIDDEN_CONSTRUCT);
		assertThat(refused.getMessage()).contains("XML 1.1");
	}

	@Test
	void notWellFormedInputReportsWhere() {
		MalformedReturnException refused = refuse(TestReturns.read("hostile/not-well-formed.xml"));

		assertThat(refused.reason()).isEqualTo(Reason.NOT_WELL_FORMED);
		assertThat(refused.line()).isEqualTo(TestReturns.lineOf("hostile/not-well-formed.xml", "</ct26>"));
		assertThat(refused.column()).isPositive();
	}

	/** The parser's message quotes the encoding's name, whatever its length: the refusal quotes it by its start. */
	@Test
	void aLongNameTheParserQuotesIsQuotedByItsStart() {
		String xml = TestReturns.text("valid/01_GTGT_Q1-2026.xml")
			.replaceFirst("encoding=\"UTF-8\"", "encoding=\"UTF 8" + "x".repeat(100_000) + "\"");
		MalformedReturnException refused = refuse(xml.getBytes(StandardCharsets.UTF_8));

		assertThat(refused.reason()).isEqualTo(Reason.NOT_WELL_FORMED);
		assertThat(refused.getMessage()).hasSizeLessThan(2_000);
	}

	@Test
	void truncatedInputIsNotWellFormed() {
		assertThat(refuse(TestReturns.read("hostile/truncated.xml")).reason()).isEqualTo(Reason.NOT_WELL_FORMED);
	}

	@Test
	void garbageBeforeTheEnvelopeIsNotWellFormed() {
		assertThat(refuse("not xml at all".getBytes(StandardCharsets.UTF_8)).reason())
			.isEqualTo(Reason.NOT_WELL_FORMED);
		assertThat(refuse(new byte[0]).reason()).isEqualTo(Reason.NOT_WELL_FORMED);
	}

	@Test
	void invalidUtf8IsNotWellFormed() {
		byte[] xml = TestReturns.read("valid/01_GTGT_Q1-2026.xml");
		String text = new String(xml, StandardCharsets.UTF_8);
		int at = text.indexOf("<ct23>") + "<ct23>".length();
		byte[] broken = xml.clone();
		broken[text.substring(0, at).getBytes(StandardCharsets.UTF_8).length] = (byte) 0xC3;

		assertThat(refuse(broken).reason()).isEqualTo(Reason.NOT_WELL_FORMED);
	}

	@Test
	void undeclaredEntityIsNotWellFormed() {
		String xml = TestReturns.text("valid/01_GTGT_Q1-2026.xml").replace("<ct37>0</ct37>", "<ct37>&x;</ct37>");

		assertThat(refuse(xml.getBytes(StandardCharsets.UTF_8)).reason()).isEqualTo(Reason.NOT_WELL_FORMED);
	}

	private byte[] withTarget(String file, String target) {
		return TestReturns.text("hostile/" + file)
			.replace("SECRET_FILE_URI", target)
			.getBytes(StandardCharsets.UTF_8);
	}

	private MalformedReturnException refuse(byte[] xml) {
		MalformedReturnException refused = catchThrowableOfType(MalformedReturnException.class,
				() -> this.validator.validate(xml));
		assertThat(refused).as("refused").isNotNull();
		return refused;
	}

}
