package etax.schemas;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Last stage of the SAX pass: collects the leaves of the envelope ({@code TTinChung}) and of the form body
 * ({@code CTieuTKhaiChinh}) by local name. It is generic: no form needs its own extractor, because the
 * catalog and the rules address indicators by name. Its output is trusted only when the XSD found no error.
 */
final class ReturnExtractor extends DefaultHandler {

	private static final int SECTION_DEPTH = 3;

	private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private enum Section {

		NONE, HEADER, BODY

	}

	private final Map<String, String> header = new HashMap<>();

	private final Map<String, String> indicators = new LinkedHashMap<>();

	private final Map<String, Integer> repeats = new HashMap<>();

	private final StringBuilder text = new StringBuilder();

	private Section section = Section.NONE;

	private int depth;

	private boolean leaf;

	@Override
	public void startElement(String uri, String localName, String qName, Attributes attributes) {
		this.depth++;
		if (this.depth == SECTION_DEPTH) {
			this.section = switch (localName) {
				case "TTinChung" -> Section.HEADER;
				case "CTieuTKhaiChinh" -> Section.BODY;
				default -> Section.NONE;
			};
		}
		this.text.setLength(0);
		this.leaf = true;
	}

	@Override
	public void characters(char[] ch, int start, int length) {
		if (this.leaf && this.section != Section.NONE) {
			this.text.append(ch, start, length);
		}
	}

	@Override
	public void endElement(String uri, String localName, String qName) {
		if (this.leaf && this.depth > SECTION_DEPTH) {
			String value = this.text.toString().strip();
			if (this.section == Section.HEADER) {
				this.header.putIfAbsent(localName, value);
			}
			else if (this.section == Section.BODY) {
				putIndicator(localName, value);
			}
		}
		if (this.depth == SECTION_DEPTH) {
			this.section = Section.NONE;
		}
		this.leaf = false;
		this.depth--;
	}

	Map<String, String> indicators() {
		return this.indicators;
	}

	ReturnHeader header(FormVersion form) {
		TaxPeriod period = new TaxPeriod(required("kieuKy"), required("kyKKhai"), dayMonthYear("kyKKhaiTuNgay"),
				dayMonthYear("kyKKhaiDenNgay"));
		String ngayKy = this.header.getOrDefault("ngayKy", "");
		String agent = this.header.getOrDefault("mstDLyThue", "");
		return new ReturnHeader(required("mst"), form.formCode(), required("maTKhai"), required("pbanTKhaiXML"),
				required("loaiTKhai"), Integer.parseInt(required("soLan")), period, required("maCQTNoiNop"),
				ngayKy.isEmpty() ? null : LocalDate.parse(ngayKy), agent.isEmpty() ? null : agent);
	}

	private void putIndicator(String name, String value) {
		if (this.indicators.putIfAbsent(name, value) != null) {
			int occurrence = this.repeats.merge(name, 2, (count, two) -> count + 1);
			this.indicators.put(name + "[" + occurrence + "]", value);
		}
	}

	private String required(String name) {
		String value = this.header.get(name);
		if (value == null) {
			// the XSD requires the element: reaching this means the XSD and this class disagree
			throw new IllegalStateException("Schema-valid return without " + name);
		}
		return value;
	}

	private @Nullable LocalDate dayMonthYear(String name) {
		String value = this.header.getOrDefault(name, "");
		return value.isEmpty() ? null : LocalDate.parse(value, DAY_MONTH_YEAR);
	}

}
