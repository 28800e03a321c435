package etax.schemas;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.Attributes;
import org.xml.sax.ext.DefaultHandler2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.assertj.core.groups.Tuple.tuple;

class ReturnValidatorTests {

	private static final String BODY = "/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh";

	private final ReturnValidator validator = ReturnValidator.withDefaults();

	/**
	 * {@code tenNNT} must have a character other than XML whitespace (space, tab, line feed, carriage return),
	 * as the former pattern {@code [\s\S]*\S[\s\S]*} said; its text is extracted as written.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t", "\n\r", "  \t \n  " })
	void aBlankNameIsNotReceivable(String name) {
		Validation validation = this.validator.validate(withName(name));

		assertThat(validation).isInstanceOf(Validation.NotReceivable.class);
		assertThat(validation.findings()).extracting(Finding::xpath).anyMatch((xpath) -> xpath.endsWith("/tenNNT"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "A", " A ", "\u00a0", "CÔNG  TY\n  TNHH", "\tX\t" })
	void aNameWithAnyOtherCharacterIsReceivable(String name) {
		assertThat(this.validator.validate(withName(name))).isInstanceOf(Validation.Receivable.class);
	}

	private static byte[] withName(String name) {
		return new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8)
			.replace("<tenNNT>CÔNG TY TNHH VÍ DỤ</tenNNT>", "<tenNNT>" + name + "</tenNNT>")
			.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void anObserverReadsTheSameParseCommentsIncluded() {
		byte[] xml = new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8)
			.replace("<HSoKhaiThue id=\"ID_1\">", "<!-- a note --><HSoKhaiThue id=\"ID_1\">")
			.getBytes(StandardCharsets.UTF_8);
		List<String> seen = new ArrayList<>();
		DefaultHandler2 observer = new DefaultHandler2() {
			@Override
			public void startElement(String uri, String localName, String qName, Attributes attributes) {
				seen.add(localName + "/" + attributes.getLength());
			}

			@Override
			public void comment(char[] ch, int start, int length) {
				seen.add("<!--" + new String(ch, start, length) + "-->");
			}
		};

		assertThat(this.validator.validate(xml, observer)).isInstanceOf(Validation.Receivable.class);
		assertThat(seen).startsWith("HSoThueDTu/0", "<!-- a note -->", "HSoKhaiThue/1", "TTinChung/0");
		long startTags = Pattern.compile("<[A-Za-z]").matcher(new String(xml, StandardCharsets.UTF_8)).results().count();
		assertThat(seen).as("every element and the comment").hasSize((int) startTags + 1);
	}

	@Test
	void sampleIsReceivableWithHeaderIndicatorsAndHash() throws Exception {
		byte[] xml = Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml");

		Validation validation = this.validator.validate(xml);

		assertThat(validation).isInstanceOf(Validation.Receivable.class);
		assertThat(validation.findings()).isEmpty();
		ReturnDocument document = ((Validation.Receivable) validation).document();
		assertThat(document.header()).isEqualTo(new ReturnHeader("0313829148", "01/GTGT", "842", "2.8.3", "C", 0,
				new TaxPeriod("Q", "1/2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)), "99999",
				LocalDate.of(2026, 4, 15), null));
		assertThat(document.form()).isEqualTo(FormCatalog.load().find("842", "2.8.3", "C").orElseThrow());
		assertThat(document.indicators()).containsEntry("ct40", "22000000")
			.containsEntry("ct24", "50000000")
			.containsEntry("ct24a", "10000000")
			.containsEntry("ct36", "34000000")
			.containsEntry("ct21", "0")
			.containsEntry("ct09", "")
			.containsEntry("ct11c_tinhTP_ten", "")
			.containsEntry("tieuMucHachToan", "1701")
			.doesNotContainKeys("mst", "GiaTriVaThueGTGTHHDVMuaVao", "Header")
			.hasSize(39);
		assertThat(document.indicators().keySet()).startsWith("ma_NganhNghe", "ten_NganhNghe", "tieuMucHachToan")
			.endsWith("ct41", "ct42", "ct43");
		assertThat(document.sha256()).matches("[0-9a-f]{64}")
			.isNotEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(xml)));
		assertThat(document.xml()).isEqualTo(xml).isNotSameAs(xml);
	}

	@Test
	void theContentDigestIgnoresFormattingAndSignatureButNotValues() {
		String xml = new String(TestReturns.read("valid/01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8);
		String reformatted = xml.replaceAll(">\\s+<", "><").replace("<ct40>", "<ct40>  ").replace("</ct40>", "\n</ct40>");
		String changed = xml.replace("<ct40>22000000</ct40>", "<ct40>22000001</ct40>");

		assertThat(reformatted).isNotEqualTo(xml);
		assertThat(changed).isNotEqualTo(xml);
		assertThat(digest(reformatted)).isEqualTo(digest(xml));
		assertThat(digest(changed)).isNotEqualTo(digest(xml));
	}

	/** Lax appendices take any attributes and mixed text: what they say there is content too. */
	@Test
	void theContentDigestCountsAttributesAndMixedTextButNotTheSignaturesReference() {
		String xml = new String(TestReturns.read("valid/01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8);
		String allocated = xml.replace("<PLuc/>",
				"<PLuc><Pluc_01_6_GTGT_CSSX><Dong maCQT=\"70100\" thue=\"22000000\"/></Pluc_01_6_GTGT_CSSX></PLuc>");
		String otherValues = allocated.replace("maCQT=\"70100\" thue=\"22000000\"", "maCQT=\"10100\" thue=\"1\"");
		String otherOrder = allocated.replace("maCQT=\"70100\" thue=\"22000000\"", "thue=\"22000000\" maCQT=\"70100\"");
		String mixed = xml.replace("<PLuc/>", "<PLuc><Pluc_01_6_GTGT_CSSX>70100 22000000<Dong/></Pluc_01_6_GTGT_CSSX></PLuc>");
		String otherMixed = mixed.replace("70100 22000000", "10100 1");
		String otherReference = xml.replace("<HSoKhaiThue id=\"ID_1\">", "<HSoKhaiThue id=\"ID_9\">");

		assertThat(digest(otherValues)).isNotEqualTo(digest(allocated));
		assertThat(digest(otherOrder)).as("attributes have no order").isEqualTo(digest(allocated));
		assertThat(digest(otherMixed)).isNotEqualTo(digest(mixed));
		assertThat(digest(mixed)).isNotEqualTo(digest(allocated));
		assertThat(digest(otherReference)).isEqualTo(digest(xml));
	}

	private String digest(String xml) {
		return ((Validation.Receivable) this.validator.validate(xml.getBytes(StandardCharsets.UTF_8))).document().sha256();
	}

	@Test
	void goldenValidFilesAreReceivable() {
		assertThat(this.validator.validate(TestReturns.read("valid/01_GTGT_Q1-2026.xml")))
			.isInstanceOf(Validation.Receivable.class);
	}

	@Test
	void supplementaryAgentReturnWithAppendicesAndSignatureIsReceivable() {
		Validation validation = this.validator
			.validate(TestReturns.read("valid/01_GTGT_M03-2026_supplementary-agent.xml"));

		assertThat(validation).asInstanceOf(type(Validation.Receivable.class)).satisfies((receivable) -> {
			ReturnHeader header = receivable.document().header();
			assertThat(header.filingType()).isEqualTo("B");
			assertThat(header.submissionNumber()).isEqualTo(1);
			assertThat(header.period()).isEqualTo(
					new TaxPeriod("M", "03/2026", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
			assertThat(header.signedOn()).isEqualTo(LocalDate.of(2026, 5, 11));
			assertThat(header.agentMst()).isEqualTo("0100123453");
			assertThat(receivable.document().indicators()).containsEntry("ct36", "-10000000")
				.containsEntry("ct43", "15000000")
				.containsEntry("ct21", "false")
				.doesNotContainKeys("ct07", "maChiTieu");
		});
	}

	/** The rules and the refund's clawback would read different copies of an appendix declared twice. */
	@Test
	void anAppendixDeclaredTwiceIsNotReceivable() {
		String xml = new String(TestReturns.read("valid/01_GTGT_M03-2026_supplementary-agent.xml"),
				StandardCharsets.UTF_8);
		int start = xml.indexOf("<PL01_KHBS>");
		int end = xml.indexOf("</PL01_KHBS>") + "</PL01_KHBS>".length();
		assertThat(start).as("the sample has the appendix").isPositive();
		String twice = xml.substring(0, end) + xml.substring(start, end) + xml.substring(end);

		Validation validation = this.validator.validate(twice.getBytes(StandardCharsets.UTF_8));

		assertThat(validation).asInstanceOf(type(Validation.NotReceivable.class))
			.extracting(Validation.NotReceivable::findings)
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(Finding.class))
			.singleElement()
			.satisfies((finding) -> {
				assertThat(finding.severity()).isEqualTo(Severity.REJECT);
				assertThat(finding.xpath()).as("the second one").endsWith("/PLuc/PL01_KHBS[2]");
				assertThat(finding.message().en()).contains("PL01_KHBS appears more than once");
			});
	}

	@Test
	void nonNumericAmountIsReportedWithXPathLineAndValue() {
		String file = "invalid/non-numeric-amount.xml";

		Finding finding = single(file);

		assertThat(finding.ruleId()).isEqualTo("XSD");
		assertThat(finding.category()).isEqualTo(Category.XML_ERROR);
		assertThat(finding.severity()).isEqualTo(Severity.REJECT);
		assertThat(finding.xpath()).isEqualTo(BODY + "/GiaTriVaThueGTGTHHDVMuaVao/ct23");
		assertThat(finding.line()).isEqualTo(TestReturns.lineOf(file, "<ct23>500.000.000</ct23>"));
		assertThat(finding.column()).isPositive();
		assertThat(finding.value()).isEqualTo("500.000.000");
		assertThat(finding.message().en()).startsWith("[23] Purchases, value (ct23): the value \"500.000.000\" is not in the "
				+ "required format;").endsWith("(cvc-pattern-valid)");
		assertThat(finding.message().vi()).startsWith("Chỉ tiêu [23] Giá trị hàng hóa, dịch vụ mua vào (ct23): giá trị "
				+ "\"500.000.000\" không đúng định dạng;");
		assertThat(finding.remedy().vi()).startsWith("Ghi số tiền bằng chữ số liền nhau");
		assertThat(finding.remedy().en()).startsWith("Write the amount in digits only");
	}

	@Test
	void parserMessagesAreEnglishWhateverTheDefaultLocale() {
		Locale previous = Locale.getDefault();
		Locale.setDefault(Locale.GERMANY);
		try {
			Validation validation = new ReturnValidator(FormCatalog.load(), ParserLimits.defaults())
				.validate(TestReturns.read("invalid/negative-ct40.xml"));

			assertThat(validation.findings()).singleElement()
				.satisfies((finding) -> assertThat(finding.message().en()).as("the parser's message was read")
					.isEqualTo("[40] VAT still payable (ct40): the value \"-22000000\" is negative, which is not allowed. "
							+ "(cvc-minInclusive-valid)"));
		}
		finally {
			Locale.setDefault(previous);
		}
	}

	@Test
	void missingIndicatorIsReportedWhereTheNextElementStarts() {
		String file = "invalid/missing-ct40.xml";

		Finding finding = single(file);

		assertThat(finding.xpath()).isEqualTo(BODY + "/ct41");
		assertThat(finding.line()).isEqualTo(TestReturns.lineOf(file, "<ct41>"));
		assertThat(finding.value()).isNull();
		assertThat(finding.message().en()).startsWith("[41] VAT not yet fully deducted (ct41) stands where form 01/GTGT "
				+ "expects [40] VAT still payable (ct40)");
	}

	@Test
	void negativeAmountIsReportedOnceWithBothParserMessages() {
		String file = "invalid/negative-ct40.xml";

		Finding finding = single(file);

		assertThat(finding.xpath()).isEqualTo(BODY + "/ct40");
		assertThat(finding.line()).isEqualTo(TestReturns.lineOf(file, "<ct40>-22000000</ct40>"));
		assertThat(finding.value()).isEqualTo("-22000000");
		assertThat(finding.message().en()).as("one message for both reports")
			.isEqualTo("[40] VAT still payable (ct40): the value \"-22000000\" is negative, which is not allowed. "
					+ "(cvc-minInclusive-valid)");
	}

	@Test
	void wrongElementOrderIsReported() {
		String file = "invalid/wrong-order.xml";

		Finding finding = single(file);

		assertThat(finding.xpath()).isEqualTo(BODY + "/ct26");
		assertThat(finding.line()).isEqualTo(TestReturns.lineOf(file, "<ct26>"));
		assertThat(finding.message().en()).startsWith("[26] Sales not subject to VAT (ct26) stands where form 01/GTGT "
				+ "expects [25] Deductible input VAT this period (ct25).");
	}

	@Test
	void impossiblePeriodDateIsReported() {
		Finding finding = single("invalid/invalid-period-date.xml");

		assertThat(finding.xpath()).endsWith("/TKhaiThue/KyKKhaiThue/kyKKhaiDenNgay");
		assertThat(finding.value()).isEqualTo("31/04/2026");
	}

	@Test
	void everyErrorIsReported() {
		String file = "invalid/three-errors.xml";

		Validation validation = this.validator.validate(TestReturns.read(file));

		assertThat(validation).isInstanceOf(Validation.NotReceivable.class);
		assertThat(validation.findings()).extracting(Finding::xpath, Finding::value, Finding::line)
			.containsExactly(
					tuple("/HSoThueDTu/HSoKhaiThue/TTinChung/TTinTKhaiThue/NNT/mst",
							"313829148", TestReturns.lineOf(file, "<mst>313829148</mst>")),
					tuple(BODY + "/GiaTriVaThueGTGTHHDVMuaVao/ct23", "năm trăm triệu",
							TestReturns.lineOf(file, "<ct23>năm trăm triệu</ct23>")),
					tuple(BODY + "/ct40", "-1", TestReturns.lineOf(file, "<ct40>-1</ct40>")));
	}

	/** MSTs are normalised on input (VN-ETAX §3.2): 13 digits without the hyphen, and the head office's suffix 000. */
	@Test
	void thirteenDigitMstsAreNormalised() {
		assertThat(mstRead("0313829148001")).isEqualTo("0313829148-001");
		assertThat(mstRead("0313829148000")).isEqualTo("0313829148");
		assertThat(mstRead("0313829148-000")).isEqualTo("0313829148");
		assertThat(mstRead("0313829148-002")).isEqualTo("0313829148-002");
		assertThat(mstRead("079185004321")).as("a personal id").isEqualTo("079185004321");
	}

	private String mstRead(String mst) {
		byte[] xml = new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8)
			.replace("<mst>0313829148</mst>", "<mst>" + mst + "</mst>")
			.getBytes(StandardCharsets.UTF_8);
		return ((Validation.Receivable) this.validator.validate(xml)).document().header().mst();
	}

	/** A return is written in UTF-8 (R-ENV-1): another encoding, declared or by its bytes, is not received. */
	@Test
	void aReturnInAnotherEncodingIsNotReceivable() {
		String sample = new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8);

		Validation wide = this.validator.validate(sample.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
			.getBytes(StandardCharsets.UTF_16));
		Validation declared = this.validator.validate(sample.replace("encoding=\"UTF-8\"", "encoding=\"windows-1258\"")
			.getBytes(StandardCharsets.UTF_8));
		// the JDK's parser tells EBCDIC by its first bytes and reads it, the declaration naming its code page
		Validation ebcdic = this.validator.validate(sample.replace("encoding=\"UTF-8\"", "encoding=\"IBM037\"")
			.replaceAll("[^\\x00-\\x7F]", "a")
			.getBytes(java.nio.charset.Charset.forName("IBM037")));

		assertThat(wide).isInstanceOf(Validation.NotReceivable.class);
		assertThat(wide.findings()).singleElement()
			.satisfies((finding) -> assertThat(finding.ruleId()).isEqualTo("ENV-1"));
		assertThat(declared.findings()).singleElement().satisfies((finding) -> {
			assertThat(finding.ruleId()).isEqualTo("ENV-1");
			assertThat(finding.message().en()).isEqualTo("The return must be encoded in UTF-8; this file is in windows-1258.");
		});
		assertThat(ebcdic.findings()).singleElement().satisfies((finding) -> {
			assertThat(finding.ruleId()).isEqualTo("ENV-1");
			assertThat(finding.message().en()).isEqualTo("The return must be encoded in UTF-8; this file is in EBCDIC.");
		});
	}

	/** Amounts the ledger could not book (10^18 VND or more) are refused by the XSD, long as they may be. */
	@Test
	void anAmountOfEighteenDigitsAtMost() {
		String sample = new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8);

		Validation tooLarge = this.validator.validate(sample.replace("<ct40>22000000</ct40>",
				"<ct40>1000000000000000000</ct40>").getBytes(StandardCharsets.UTF_8));

		assertThat(tooLarge.findings()).singleElement().satisfies((finding) -> {
			assertThat(finding.xpath()).isEqualTo(BODY + "/ct40");
			assertThat(finding.message().en()).endsWith("is above the maximum, 999,999,999,999,999,999. "
					+ "(cvc-maxInclusive-valid)");
		});
	}

	/** A name of 60,000 characters is too long for the form; its finding quotes its start and says how long. */
	@Test
	void aVeryLongOffendingValueIsQuotedByItsStart() {
		String name = "A".repeat(60_000);

		Finding finding = ((Validation.NotReceivable) this.validator.validate(withName(name))).findings().get(0);

		assertThat(finding.value()).isEqualTo("A".repeat(200) + "… (60000 characters)");
		assertThat(finding.message().en()).hasSizeLessThan(1_000).contains(finding.value());
		assertThat(finding.message().vi()).hasSizeLessThan(1_100);
	}

	/**
	 * A return of 1,500 agents whose every commission is wrong: the first 500 XSD errors are listed, each once
	 * (the validator reports a bad value twice), and one more finding counts the rest.
	 */
	@Test
	void fiveHundredXsdErrorsAreListedAndTheRestCounted() {
		String xml = agents(1_500).replaceAll("<doanhThu>\\d+</doanhThu>", "<doanhThu>x</doanhThu>");

		Validation validation = this.validator.validate(xml.getBytes(StandardCharsets.UTF_8));

		assertThat(validation).isInstanceOf(Validation.NotReceivable.class);
		assertThat(validation.findings()).hasSize(501);
		assertThat(validation.findings().subList(0, 500)).extracting(Finding::ruleId).containsOnly("XSD");
		assertThat(validation.findings().get(499).xpath()).endsWith("/ChiTiet[500]/doanhThu");
		assertThat(validation.findings().get(500)).satisfies((more) -> {
			assertThat(more.ruleId()).isEqualTo("FINDINGS-LIMIT");
			assertThat(more.severity()).isEqualTo(Severity.REJECT);
			assertThat(more.message().en()).startsWith("1000 more findings are not listed (XSD × 1000)");
		});
	}

	/**
	 * Rule findings alike: the count of the rest says which rules, and as grave as they are: the withholding at 5% is
	 * a rate × base line, a warning (VN-ETAX §3.9 R-X-1), while the total it breaks, listed first, rejects.
	 */
	@Test
	void fiveHundredRuleFindingsAreListedAndTheRestCountedByRule() {
		String xml = agents(1_500).replaceAll("<thue>(\\d+)</thue>", "<thue>1$1</thue>");

		Validation validation = this.validator.validate(xml.getBytes(StandardCharsets.UTF_8));

		assertThat(validation).isInstanceOf(Validation.Receivable.class);
		List<Finding> findings = validation.findings();
		assertThat(findings).hasSize(501);
		assertThat(findings).filteredOn((finding) -> finding.severity() == Severity.REJECT)
			.extracting(Finding::ruleId)
			.contains("TNCN471-R004");
		assertThat(findings.get(500)).satisfies((more) -> {
			assertThat(more.ruleId()).isEqualTo("FINDINGS-LIMIT");
			assertThat(more.severity()).isEqualTo(Severity.WARNING);
			assertThat(more.message().en()).matches("\\d+ more findings are not listed \\(TNCN471-R006 × \\d+\\): .*");
		});
	}

	/** A 471 return whose one agent row is repeated, each copy with an id of its own. */
	private static String agents(int rows) {
		String one = new String(new ReturnGenerator(FormCatalog.load()).withMaxTableRows(1).generate("471", "2.1.0", 1),
				StandardCharsets.UTF_8);
		int start = one.indexOf("<ChiTiet ");
		int end = one.indexOf("</ChiTiet>") + "</ChiTiet>".length();
		String row = one.substring(start, end).replaceFirst("id=\"[^\"]*\"", "id=\"%s\"");
		StringBuilder table = new StringBuilder();
		for (int i = 1; i <= rows; i++) {
			table.append(row.formatted("ID_" + i));
		}
		return one.substring(0, start) + table + one.substring(end);
	}

	@Test
	void unknownVersionNamesTheSupportedOnes() {
		String file = "invalid/unknown-version.xml";

		Finding finding = single(file);

		assertThat(finding.ruleId()).isEqualTo("ENV-2");
		assertThat(finding.severity()).isEqualTo(Severity.REJECT_AND_STOP);
		assertThat(finding.category()).isEqualTo(Category.XML_ERROR);
		assertThat(finding.xpath()).isEqualTo("/HSoThueDTu/HSoKhaiThue/TTinChung/TTinTKhaiThue/TKhaiThue/pbanTKhaiXML");
		assertThat(finding.line()).isEqualTo(TestReturns.lineOf(file, "<pbanTKhaiXML>"));
		assertThat(finding.value()).isEqualTo("2.9.9");
		assertThat(finding.message().en()).contains("2.9.9").contains("01/GTGT").contains("supported versions: 2.8.3");
		assertThat(finding.message().vi()).contains("2.8.3");
	}

	@Test
	void unknownFormSaysSo() {
		Finding finding = single("invalid/unknown-form.xml");

		assertThat(finding.ruleId()).isEqualTo("ENV-2");
		assertThat(finding.xpath()).endsWith("/TKhaiThue/maTKhai");
		assertThat(finding.value()).isEqualTo("999");
		assertThat(finding.message().en()).contains("999").contains("unknown");
	}

	@Test
	void filingTypeOutsideTheCatalogIsNotReceivable() {
		Finding finding = single("invalid/replacement-not-allowed.xml");

		assertThat(finding.ruleId()).isEqualTo("ENV-2");
		assertThat(finding.xpath()).endsWith("/TKhaiThue/loaiTKhai");
		assertThat(finding.value()).isEqualTo("T");
		assertThat(finding.message().en()).contains("allowed: B, C");
	}

	@Test
	void wrongNamespaceIsAnEnvelopeError() {
		Finding finding = single("invalid/wrong-namespace.xml");

		assertThat(finding.ruleId()).isEqualTo("ENV-1");
		assertThat(finding.severity()).isEqualTo(Severity.REJECT_AND_STOP);
		assertThat(finding.xpath()).isEqualTo("/HSoThueDTu");
		assertThat(finding.value()).isEqualTo("{http://kekhaithue.gdt.gov.vn/TBaoThue}HSoThueDTu");
	}

	@Test
	void wrongRootIsAnEnvelopeError() {
		Finding finding = single(
				"<TBaoThueDTu xmlns=\"http://kekhaithue.gdt.gov.vn/TBaoThue\"><TBaoThue/></TBaoThueDTu>".getBytes());

		assertThat(finding.ruleId()).isEqualTo("ENV-1");
		assertThat(finding.xpath()).isEqualTo("/TBaoThueDTu");
		assertThat(finding.line()).isEqualTo(1);
	}

	@Test
	void envelopeWithoutFormIdentificationIsAnEnvelopeError() {
		Finding finding = single(("<HSoThueDTu xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\"><HSoKhaiThue id=\"ID_1\">"
				+ "<TTinChung><TTinDVu/><TTinTKhaiThue><TKhaiThue><maTKhai>842</maTKhai></TKhaiThue></TTinTKhaiThue>"
				+ "</TTinChung></HSoKhaiThue></HSoThueDTu>").getBytes());

		assertThat(finding.ruleId()).isEqualTo("ENV-1");
		assertThat(finding.message().en()).contains("pbanTKhaiXML");
	}

	@Test
	void ruleFindingCarriesXPathLineValueAndBothMessages() {
		String file = "invalid/GTGT842-R001-ct27-not-the-sum.xml";

		Validation validation = this.validator.validate(TestReturns.read(file));

		assertThat(validation).isInstanceOf(Validation.Receivable.class);
		assertThat(validation.findings()).singleElement().satisfies((finding) -> {
			assertThat(finding.ruleId()).isEqualTo("GTGT842-R001");
			assertThat(finding.category()).isEqualTo(Category.MATH_ERROR);
			assertThat(finding.severity()).isEqualTo(Severity.REJECT);
			assertThat(finding.xpath()).isEqualTo(BODY + "/HHDVBRaChiuThueGTGT/ct27");
			assertThat(finding.line()).isEqualTo(TestReturns.lineOf(file, "<ct27>950000001</ct27>"));
			assertThat(finding.column()).isPositive();
			assertThat(finding.value()).isEqualTo("950000001");
			assertThat(finding.message().en()).isEqualTo("[27] is 950000001; it must equal [29] + [30] + [32] + [32a] = 950000000.");
			assertThat(finding.message().vi()).contains("950000001").contains("950000000");
			assertThat(finding.remedy().vi()).isNotBlank();
		});
		assertThat(ReturnValidator.schemaOnly(FormCatalog.load(), ParserLimits.defaults()).validate(TestReturns.read(file))
			.findings()).isEmpty();
	}

	/**
	 * {@code CKyDTu} takes any XMLDSig element and lies outside what the signature covers: a section copied there with
	 * other figures must not be what the rules check, nor what is extracted.
	 */
	@Test
	void sectionsOutsideTheDeclarationAreNotTheReturns() {
		String file = "invalid/GTGT842-R001-ct27-not-the-sum.xml";
		String xml = new String(TestReturns.read(file), StandardCharsets.UTF_8);
		String body = xml.substring(xml.indexOf("<CTieuTKhaiChinh>") + "<CTieuTKhaiChinh>".length(),
				xml.indexOf("</CTieuTKhaiChinh>"));
		String smuggled = "<CKyDTu><ds:TTinChung xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><mst>0100109106</mst>"
				+ "<loaiTKhai>B</loaiTKhai></ds:TTinChung>"
				+ "<ds:CTieuTKhaiChinh xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"
				+ body.replace("<ct27>950000001</ct27>", "<ct27>950000000</ct27>") + "</ds:CTieuTKhaiChinh>"
				+ "<ds:PLuc xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><PL01_KHBS/></ds:PLuc></CKyDTu>";

		Validation validation = this.validator.validate(xml.replace("</HSoThueDTu>", smuggled + "</HSoThueDTu>")
			.getBytes(StandardCharsets.UTF_8));

		assertThat(validation).isInstanceOf(Validation.Receivable.class);
		assertThat(validation.findings()).extracting(Finding::ruleId).containsExactly("GTGT842-R001");
		ReturnDocument document = ((Validation.Receivable) validation).document();
		ReturnDocument plain = ((Validation.Receivable) this.validator.validate(TestReturns.read(file))).document();
		assertThat(document.indicators()).isEqualTo(plain.indicators()).containsEntry("ct27", "950000001");
		assertThat(document.header()).isEqualTo(plain.header());
		assertThat(document.header().filingType()).isEqualTo("C");
	}

	@Test
	void workedExampleOfTheCircular26GenerationIsReceivedWithoutFindings() {
		Validation validation = this.validator.validate(TestReturns.read("01/2.1.2", "valid/01_GTGT_M01-2021.xml"));

		assertThat(validation).asInstanceOf(type(Validation.Receivable.class)).satisfies((receivable) -> {
			assertThat(receivable.findings()).isEmpty();
			assertThat(receivable.document().form().maTKhai()).isEqualTo("01");
			assertThat(receivable.document().indicators()).containsEntry("ct36", "-68620567")
				.containsEntry("ct32a", "0")
				.containsEntry("ct39", "0")
				.containsEntry("ct43", "68620567");
		});
	}

	@Test
	void supplementWithoutItsExplanationNamesTheMissingAppendixRule() {
		String xml = TestReturns.text("valid/01_GTGT_M03-2026_supplementary-agent.xml")
			.replaceAll("(?s)<PL01_1_KHBS>.*</PL01_1_KHBS>", "");

		Validation validation = this.validator.validate(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));

		assertThat(validation.findings()).singleElement().satisfies((finding) -> {
			assertThat(finding.ruleId()).isEqualTo("GTGT842-R019");
			assertThat(finding.category()).isEqualTo(Category.MISSING_DATA);
			assertThat(finding.xpath()).endsWith("/TKhaiThue/loaiTKhai");
			assertThat(finding.value()).isEqualTo("B");
		});
	}

	@Test
	void emptySupplementAppendicesAreReceivedWithAWarning() {
		String xml = TestReturns.text("valid/01_GTGT_M03-2026_supplementary-agent.xml")
			.replaceAll("(?s)<PLuc>.*</PLuc>", "<PLuc><PL01_KHBS/><PL01_1_KHBS/></PLuc>");

		Validation validation = this.validator.validate(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));

		assertThat(validation).isInstanceOf(Validation.Receivable.class);
		assertThat(validation.findings()).extracting(Finding::ruleId, Finding::severity, Finding::xpath)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("KHBS011-R004", Severity.WARNING,
					"/HSoThueDTu/HSoKhaiThue/PLuc/PL01_1_KHBS"));
	}

	@Test
	void aVersionOutsideItsPeriodsSaysWhichVersionCoversThem() {
		String xml = TestReturns.text("valid/01_GTGT_Q1-2026.xml")
			.replace("<kyKKhai>1/2026</kyKKhai>", "<kyKKhai>1/2021</kyKKhai>")
			.replace("01/01/2026", "01/01/2021")
			.replace("31/03/2026", "31/03/2021");

		Validation validation = this.validator.validate(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));

		assertThat(validation).isInstanceOf(Validation.Receivable.class);
		assertThat(validation.findings()).singleElement().satisfies((finding) -> {
			assertThat(finding.ruleId()).isEqualTo("ENV-3");
			assertThat(finding.severity()).isEqualTo(Severity.REJECT);
			assertThat(finding.xpath()).endsWith("/KyKKhaiThue/kyKKhai");
			assertThat(finding.message().en()).contains("covers tax periods 2022-01-01").contains("maTKhai 01 2.1.2");
		});
	}

	private Finding single(String file) {
		return single(TestReturns.read(file));
	}

	private Finding single(byte[] xml) {
		Validation validation = this.validator.validate(xml);
		assertThat(validation).isInstanceOf(Validation.NotReceivable.class);
		assertThat(validation.findings()).hasSize(1);
		return validation.findings().get(0);
	}

}
