package etax.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The texts of the findings this module raises itself, those of XSD errors in {@link XsdWording}. Kept apart
 * so that the wording of the notices can be reviewed (and later moved to a rule table) without reading parser
 * code.
 */
final class Findings {

	static final String ENVELOPE_RULE = "ENV-1";

	static final String FORM_VERSION_RULE = "ENV-2";

	static final String XSD_RULE = "XSD";

	static final String LIMIT_RULE = "FINDINGS-LIMIT";

	/**
	 * Most findings one validation reports, the XSD's or the form rules': a filer fixes a return by its first
	 * findings, and a 5 MiB return whose every value is wrong would otherwise make a notice of a hundred
	 * megabytes, stored, pushed and published for each attempt.
	 */
	static final int MAX_FINDINGS = 500;

	/** The longest offending value a finding quotes whole: longer than any text a form allows (1,000). */
	static final int MAX_VALUE_LENGTH = 1_024;

	/** How much of a longer value a finding quotes. */
	private static final int QUOTED_START = 200;

	/**
	 * The longest validator's text a finding quotes whole when it does not word it: a few of its arguments, each
	 * quoted as a value is ({@link #shownQuotes}).
	 */
	static final int MAX_MESSAGE_LENGTH = 4 * MAX_VALUE_LENGTH;

	private static final LocalizedText EXPORT_AGAIN = new LocalizedText(
			"Kết xuất lại tờ khai từ phần mềm HTKK hoặc phần mềm kê khai được chấp nhận, không sửa tệp XML.",
			"Export the return again from HTKK or other approved filing software, without editing the XML.");

	private static final LocalizedText UPDATE_SOFTWARE = new LocalizedText(
			"Cập nhật phần mềm kê khai và kết xuất lại tờ khai theo mẫu và phiên bản được hệ thống hỗ trợ.",
			"Update the filing software and export the return again in a form and version this system supports.");

	private static final LocalizedText FIX_XSD = new LocalizedText(
			"Sửa phần tử tại vị trí XPath đã nêu cho đúng định dạng XSD của mẫu tờ khai, hoặc kết xuất lại tờ khai "
					+ "từ phần mềm kê khai.",
			"Correct the element at the XPath shown so that it matches the form's XSD, or export the return again "
					+ "from the filing software.");

	private Findings() {
	}

	/**
	 * ENV-1: the root is not {@code HSoThueDTu} of the return's namespace. Its name and namespace are the filer's,
	 * read by the pre-scan before any limit of this module's: the JDK bounds each to 1,000 characters by default
	 * (a system property, which may lift it), so together twice the budget of a quoted value. Quoted as
	 * {@link #shown} quotes a value, in the XPath too.
	 * @param name the root's local name
	 * @param namespace its namespace, {@code null} when none
	 * @param line where, when known
	 * @param column where, when known
	 * @return the finding
	 */
	static Finding wrongRoot(String name, @Nullable String namespace, @Nullable Integer line,
			@Nullable Integer column) {
		String qualifiedName = shown("{" + ((namespace != null) ? namespace : "") + "}" + name);
		return envelope("/" + shown(name), line, column, qualifiedName,
				new LocalizedText("Phần tử gốc của tờ khai phải là HSoThueDTu thuộc không gian tên "
						+ EnvelopeScanner.NAMESPACE + ".",
						"The root element must be HSoThueDTu in namespace " + EnvelopeScanner.NAMESPACE
								+ "; found " + qualifiedName + "."));
	}

	/**
	 * ENV-1: the file is not written in UTF-8 (R-ENV-1). The encoding is the name its XML declaration gives,
	 * read before any parse and so of any length: quoted as {@link #shown} quotes a value.
	 */
	static Finding notUtf8(String encoding) {
		String shown = shown(encoding);
		return envelope("/", 1, null, shown,
				new LocalizedText("Tệp tờ khai phải được mã hóa UTF-8; tệp này dùng " + shown + ".",
						"The return must be encoded in UTF-8; this file is in " + shown + "."));
	}

	static Finding unidentified(String xpath, @Nullable Integer line, @Nullable Integer column) {
		return envelope(xpath, line, column, null,
				new LocalizedText("Tờ khai thiếu thông tin xác định mẫu: TKhaiThue phải có maTKhai, pbanTKhaiXML và "
						+ "loaiTKhai.",
						"The envelope does not identify the form: TKhaiThue must contain maTKhai, pbanTKhaiXML and "
								+ "loaiTKhai."));
	}

	/**
	 * ENV-2: says whether the form, its version or only the filing type is unknown. The field that is not in the
	 * catalog is the filer's text, up to a text's limit (the pre-scan reads it before the parse's limits and
	 * quoting): quoted as {@link #shown} quotes a value, in the finding's value and in both messages.
	 */
	static Finding notInCatalog(FormCatalog catalog, EnvelopeScan.Identified id) {
		List<FormVersion> sameForm = catalog.versionsOf(id.maTKhai().value());
		if (sameForm.isEmpty()) {
			return unknownForm(id.maTKhai());
		}
		// a known form's code, a known version's number: the catalog's, short
		String form = sameForm.get(0).formCode() + " (maTKhai " + id.maTKhai().value() + ")";
		List<FormVersion> sameVersion = sameForm.stream()
			.filter((version) -> version.version().equals(id.version().value()))
			.toList();
		if (sameVersion.isEmpty()) {
			return unknownVersion(id.version(), form,
					sameForm.stream().map(FormVersion::version).distinct().toList());
		}
		return filingTypeNotAllowed(id.filingType(), form, id.version().value(),
				sameVersion.stream().flatMap((version) -> version.filingTypes().stream()).distinct().sorted().toList());
	}

	private static Finding unknownForm(EnvelopeScan.Field maTKhai) {
		String code = shown(maTKhai.value());
		return formVersion(maTKhai,
				new LocalizedText("Mẫu tờ khai có mã " + code + " (maTKhai) không được hệ thống tiếp nhận.",
						"Form " + code + " (maTKhai) is unknown: this system does not receive it."));
	}

	private static Finding unknownVersion(EnvelopeScan.Field version, String form, List<String> supported) {
		String list = String.join(", ", supported);
		String number = shown(version.value());
		return formVersion(version,
				new LocalizedText("Phiên bản " + number + " của mẫu " + form
						+ " không được hỗ trợ; các phiên bản được hỗ trợ: " + list + ".",
						"Version " + number + " of form " + form
								+ " is not supported; supported versions: " + list + "."));
	}

	private static Finding filingTypeNotAllowed(EnvelopeScan.Field filingType, String form, String version,
			List<String> allowed) {
		String list = String.join(", ", allowed);
		String type = shown(filingType.value());
		return formVersion(filingType,
				new LocalizedText("Loại tờ khai " + type + " (loaiTKhai) không được chấp nhận đối với mẫu "
						+ form + " phiên bản " + version + "; các loại được chấp nhận: " + list + ".",
						"Filing type " + type + " (loaiTKhai) is not allowed for form " + form
								+ " version " + version + "; allowed: " + list + "."));
	}

	/**
	 * An XSD error, in plain words where {@link XsdWording} knows the validator's message: the element by its
	 * label, the value as written, what is allowed, and a remedy of its own; the English text ends with the
	 * validator's key. Otherwise the validator's own text, under a Vietnamese preamble, every argument it quotes
	 * (an attribute's value too) shown as a value is ({@link #shownQuotes}). An offending value longer
	 * than {@value #MAX_VALUE_LENGTH} characters is shown by its start and length, in the value and in the
	 * message, which quotes it: a text of 64 Ki characters quoted three times per error would make the notice
	 * larger than the return.
	 * @param xpath where
	 * @param line its line, when known
	 * @param column its column, when known
	 * @param value the element's text, when the error is about it
	 * @param parserMessages what the validator reported there, in order
	 * @param names the names of the form version's elements
	 * @return the finding
	 */
	static Finding xsd(String xpath, @Nullable Integer line, @Nullable Integer column, @Nullable String value,
			List<String> parserMessages, ElementNames names) {
		String shown = (value != null) ? shown(value) : null;
		XsdWording.Wording wording = XsdWording.of(parserMessages, xpath, value, names);
		if (wording != null) {
			return new Finding(XSD_RULE, Category.XML_ERROR, Severity.REJECT, xpath, line, column, shown,
					wording.message(), wording.remedy());
		}
		String message = String.join(" ", parserMessages);
		if (value != null && shown != null && !shown.equals(value)) {
			message = message.replace(value, shown);
		}
		message = shownQuotes(message);
		return new Finding(XSD_RULE, Category.XML_ERROR, Severity.REJECT, xpath, line, column, shown,
				new LocalizedText("Tờ khai không đúng định dạng XSD: " + message, message), FIX_XSD);
	}

	/** XSD (R-ENV-4): an appendix declared twice under {@code PLuc}. */
	static Finding repeatedAppendix(String xpath, @Nullable Integer line, @Nullable Integer column, String name) {
		return new Finding(XSD_RULE, Category.XML_ERROR, Severity.REJECT, xpath, line, column, null,
				new LocalizedText("Phụ lục " + name + " xuất hiện nhiều lần trong PLuc; mỗi phụ lục chỉ được kê khai "
						+ "một lần.", "Appendix " + name + " appears more than once under PLuc; each appendix is "
								+ "declared once."),
				new LocalizedText("Gộp các dòng của phụ lục " + name + " vào một phụ lục duy nhất rồi kết xuất lại tờ "
						+ "khai từ phần mềm kê khai.", "Put all rows of appendix " + name + " in one appendix, then "
								+ "export the return again from the filing software."));
	}

	/** An offending value as findings show it: whole, or if longer than {@value #MAX_VALUE_LENGTH}, its start and length. */
	static String shown(String value) {
		return shortened(value, MAX_VALUE_LENGTH, QUOTED_START);
	}

	/**
	 * A text as findings show it within a bound of their own (an element's name in an XPath): whole up to
	 * {@code max} characters, else its first {@code start} and its length, as {@link #shown} shows a value.
	 */
	static String shortened(String text, int max, int start) {
		return (text.length() > max) ? start(text, start) + "… (" + text.length() + " characters)" : text;
	}

	/**
	 * The start of a value too long to show whole: its first {@value #QUOTED_START} characters, one fewer when
	 * the last would be the first half of a surrogate pair (a character outside the BMP, an emoji, a rare CJK
	 * ideograph): cut between its halves, the quote would end in a lone surrogate, which UTF-8 cannot encode and
	 * JSON writers replace or refuse.
	 */
	static String start(String value) {
		return start(value, QUOTED_START);
	}

	private static String start(String value, int length) {
		int end = Character.isHighSurrogate(value.charAt(length - 1)) ? length - 1 : length;
		return value.substring(0, end);
	}

	/**
	 * The validator's text of an error this module does not word, with every argument it quotes shown as
	 * {@link #shown} shows a value: an attribute's value ({@code xsi:type}'s type in {@code cvc-elt.4.2}, a repeated
	 * ID in {@code cvc-id.2}) is quoted whole by the validator, and one of megabytes made a finding of megabytes.
	 * The text is cut at every quote, so that a value holding quotes itself is shortened too, piece by piece; a
	 * text still over {@value #MAX_MESSAGE_LENGTH} characters (a value of nothing but quotes) is shown by its start.
	 */
	static String shownQuotes(String message) {
		StringBuilder shown = new StringBuilder();
		int from = 0;
		while (true) {
			int quote = message.indexOf('\'', from);
			int end = (quote >= 0) ? quote : message.length();
			if (end - from > MAX_VALUE_LENGTH) {
				shown.append(shown(message.substring(from, end)));
			}
			else {
				shown.append(message, from, end);
			}
			if (quote < 0) {
				return shortened(shown.toString(), MAX_MESSAGE_LENGTH, MAX_VALUE_LENGTH);
			}
			shown.append('\'');
			from = quote + 1;
		}
	}

	/**
	 * The first {@link #MAX_FINDINGS} findings, then, if there were more, one that says how many more of which
	 * rules, as grave as the gravest of them: the return's status is what every finding makes it.
	 * @param findings in order
	 * @return at most one more than {@link #MAX_FINDINGS}
	 */
	static List<Finding> limited(List<Finding> findings) {
		if (findings.size() <= MAX_FINDINGS) {
			return findings;
		}
		List<Finding> omitted = findings.subList(MAX_FINDINGS, findings.size());
		Map<String, Integer> byRule = new TreeMap<>();
		Severity gravest = Severity.WARNING;
		for (Finding finding : omitted) {
			byRule.merge(finding.ruleId(), 1, Integer::sum);
			gravest = (finding.severity().compareTo(gravest) < 0) ? finding.severity() : gravest;
		}
		List<Finding> limited = new ArrayList<>(findings.subList(0, MAX_FINDINGS));
		limited.add(more(omitted.size(), byRule, gravest));
		return limited;
	}

	/**
	 * FINDINGS-LIMIT: the findings not listed.
	 * @param omitted how many
	 * @param byRule how many of each rule
	 * @param gravest the gravest severity among them
	 * @return the finding
	 */
	static Finding more(int omitted, Map<String, Integer> byRule, Severity gravest) {
		String rules = byRule.entrySet()
			.stream()
			.map((rule) -> rule.getKey() + " × " + rule.getValue())
			.collect(Collectors.joining(", "));
		return new Finding(LIMIT_RULE, Category.XML_ERROR, gravest, "/HSoThueDTu", null, null, null,
				new LocalizedText("Còn " + omitted + " lỗi khác không được liệt kê (" + rules + "): mỗi lần kiểm tra chỉ nêu "
						+ MAX_FINDINGS + " lỗi đầu tiên.",
						omitted + " more findings are not listed (" + rules + "): a check lists its first "
								+ MAX_FINDINGS + " findings only."),
				new LocalizedText("Sửa các lỗi đã nêu rồi kiểm tra lại tờ khai (returns:validate) để xem các lỗi còn lại.",
						"Correct the findings listed, then check the return again (returns:validate) to see the rest."));
	}

	private static Finding envelope(String xpath, @Nullable Integer line, @Nullable Integer column,
			@Nullable String value, LocalizedText message) {
		return new Finding(ENVELOPE_RULE, Category.XML_ERROR, Severity.REJECT_AND_STOP, xpath, line, column, value,
				message, EXPORT_AGAIN);
	}

	private static Finding formVersion(EnvelopeScan.Field field, LocalizedText message) {
		return new Finding(FORM_VERSION_RULE, Category.XML_ERROR, Severity.REJECT_AND_STOP, field.xpath(),
				field.line(), field.column(), shown(field.value()), message, UPDATE_SOFTWARE);
	}

}
