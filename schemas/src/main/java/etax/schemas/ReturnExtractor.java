package etax.schemas;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import etax.ids.TaxpayerId;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Last stage of the SAX pass: collects the leaves of the envelope ({@code TTinChung}) and of the form body
 * ({@code CTieuTKhaiChinh}), both in the declaration ({@code HSoKhaiThue}), by local name, as {@link ReturnDocument#indicators()} publishes them. When the
 * form version's rules are to run, it also fills a {@link ReturnValues}: following the version's
 * {@link Layout} element by element, it keeps each indicator's text, node and position, each table row,
 * and which appendices ({@code PLuc} children) are present. Its output is trusted only when the XSD found
 * no error.
 */
final class ReturnExtractor extends DefaultHandler {

	private static final int CONTENT_DEPTH = 2;

	private static final int SECTION_DEPTH = 3;

	private static final int MAX_TRACKED_DEPTH = 64;

	private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private enum Section {

		NONE, HEADER, BODY, APPENDICES

	}

	private final Map<String, String> header = new HashMap<>();

	private final Map<String, String> indicators = new LinkedHashMap<>();

	private final Map<String, Integer> repeats = new HashMap<>();

	private final StringBuilder text = new StringBuilder();

	private final ContentDigest content = new ContentDigest();

	private final Explanations explanations = new Explanations();

	private final RefundSection refunds = new RefundSection();

	/** The appendices met under {@code PLuc}, by name. */
	private final Set<String> appendices = new HashSet<>();

	/** The first appendix met twice, as a finding. */
	private @Nullable Finding repeatedAppendix;

	private final @Nullable ReturnValues values;

	private final @Nullable PathTracker tracker;

	private final Layout.@Nullable Element[] elements = new Layout.Element[MAX_TRACKED_DEPTH];

	private ReturnValues.@Nullable Row row;

	private Section section = Section.NONE;

	/**
	 * Whether the parse is inside the declaration ({@code HSoKhaiThue}), the only parent whose sections are the
	 * return's: the signature's {@code CKyDTu} takes any XMLDSig element, so an element named like a section there
	 * is outside what was signed and must not feed the values the rules check.
	 */
	private boolean inDeclaration;

	private int depth;

	private boolean leaf;

	/**
	 * Whether the XSD has refused the return: nothing extracted is used then, so the indicators and the rules'
	 * values stop growing (a body of repeated elements would otherwise fill maps the refusal throws away).
	 */
	private final BooleanSupplier refused;

	/** An extractor of the generic maps only. */
	ReturnExtractor() {
		this(null, null, () -> false);
	}

	/**
	 * @param values where the version's values go, or {@code null} when no rule will run
	 * @param tracker where the parse is, for each value's node and position
	 * @param refused whether the XSD has refused the return so far
	 */
	ReturnExtractor(@Nullable ReturnValues values, @Nullable PathTracker tracker, BooleanSupplier refused) {
		this.values = values;
		this.tracker = tracker;
		this.refused = refused;
	}

	@Override
	public void startElement(String uri, String localName, String qName, Attributes attributes) {
		this.depth++;
		if (this.content.active() || (this.depth == CONTENT_DEPTH && "HSoKhaiThue".equals(localName))) {
			this.content.start(uri, localName, attributes);
		}
		if (this.section == Section.APPENDICES) {
			this.explanations.start(this.depth, localName);
			this.refunds.start(this.depth, localName);
			if (this.depth == SECTION_DEPTH + 1 && !this.appendices.add(localName) && this.repeatedAppendix == null) {
				this.repeatedAppendix = repeated(localName);
			}
		}
		if (this.depth == CONTENT_DEPTH) {
			this.inDeclaration = "HSoKhaiThue".equals(localName);
		}
		if (this.depth == SECTION_DEPTH) {
			this.section = !this.inDeclaration ? Section.NONE : switch (localName) {
				case "TTinChung" -> Section.HEADER;
				case "CTieuTKhaiChinh" -> Section.BODY;
				case "PLuc" -> Section.APPENDICES;
				default -> Section.NONE;
			};
			if (this.values != null) {
				this.elements[0] = switch (this.section) {
					case BODY -> this.values.layout.body();
					case APPENDICES -> this.values.layout.appendixRoot();
					default -> null;
				};
			}
		}
		else if (this.values != null && this.depth > SECTION_DEPTH && !this.refused.getAsBoolean()) {
			track(localName);
		}
		this.text.setLength(0);
		this.leaf = true;
	}

	private void track(String localName) {
		ReturnValues values = this.values;
		int level = this.depth - SECTION_DEPTH;
		if (this.section == Section.HEADER) {
			HeaderVar variable = HeaderVar.byElement(localName);
			if (variable != null) {
				values.headerNodes[variable.ordinal()] = this.tracker.current();
				values.headerLines[variable.ordinal()] = this.tracker.lineNumber();
				values.headerColumns[variable.ordinal()] = this.tracker.columnNumber();
			}
			return;
		}
		if (level >= MAX_TRACKED_DEPTH) {
			return;
		}
		Layout.Element parent = this.elements[level - 1];
		Layout.Element element = (parent != null) ? parent.child(localName) : null;
		this.elements[level] = element;
		if (element == null) {
			return;
		}
		PathNode node = this.tracker.current();
		switch (element.kind) {
			case FIELD -> {
				values.nodes[element.index] = node;
				values.lines[element.index] = this.tracker.lineNumber();
				values.columns[element.index] = this.tracker.columnNumber();
			}
			case ROW -> {
				ReturnValues.Row row = values.addRow(element.index);
				row.node = node;
				row.line = this.tracker.lineNumber();
				row.column = this.tracker.columnNumber();
				this.row = row;
			}
			case COLUMN -> {
				if (this.row != null) {
					this.row.nodes[element.index] = node;
					this.row.lines[element.index] = this.tracker.lineNumber();
					this.row.columns[element.index] = this.tracker.columnNumber();
				}
			}
			case APPENDIX -> {
				values.appendix(element.index, true);
				values.appendixNodes[element.index] = node;
				values.appendixLines[element.index] = this.tracker.lineNumber();
				values.appendixColumns[element.index] = this.tracker.columnNumber();
			}
			default -> {
				// a grouping element or a table wrapper: its children carry the values
			}
		}
	}

	@Override
	public void characters(char[] ch, int start, int length) {
		if (this.content.active()) {
			this.content.characters(ch, start, length);
		}
		if (this.leaf && this.section != Section.NONE) {
			this.text.append(ch, start, length);
		}
	}

	@Override
	public void endElement(String uri, String localName, String qName) {
		if (this.content.active()) {
			this.content.end();
		}
		if (this.leaf && this.depth > SECTION_DEPTH) {
			String value = this.text.toString().strip();
			if (this.section == Section.HEADER) {
				this.header.putIfAbsent(localName, value);
			}
			else if (this.section == Section.BODY && !this.refused.getAsBoolean()) {
				putIndicator(localName, value);
			}
			else if (this.section == Section.APPENDICES) {
				this.explanations.value(localName, value);
				this.refunds.value(this.depth, localName, value);
			}
			if (this.values != null && !this.refused.getAsBoolean()) {
				keep(localName, value);
			}
		}
		if (this.section == Section.APPENDICES) {
			this.explanations.end(this.depth);
			this.refunds.end(this.depth);
		}
		if (this.depth == SECTION_DEPTH) {
			this.section = Section.NONE;
		}
		else if (this.depth == CONTENT_DEPTH) {
			this.inDeclaration = false;
		}
		this.leaf = false;
		this.depth--;
	}

	private void keep(String localName, String value) {
		if (this.section == Section.HEADER) {
			HeaderVar variable = HeaderVar.byElement(localName);
			if (variable != null) {
				this.values.header(variable, value);
			}
			return;
		}
		int level = this.depth - SECTION_DEPTH;
		Layout.Element element = (level < MAX_TRACKED_DEPTH) ? this.elements[level] : null;
		if (element == null) {
			return;
		}
		if (element.kind == Layout.Element.Kind.FIELD) {
			this.values.set(element.index, value);
		}
		else if (element.kind == Layout.Element.Kind.COLUMN && this.row != null) {
			this.row.set(element.index, value);
		}
	}

	/**
	 * An appendix that comes twice: the XSD lets the appendices come in any order, so it cannot say "each once"
	 * (XSD 1.0), and the rules and the refund's clawback would read different copies (R-ENV-4).
	 * @return the finding of the first appendix met twice, or null
	 */
	@Nullable Finding repeatedAppendix() {
		return this.repeatedAppendix;
	}

	private Finding repeated(String localName) {
		PathTracker tracker = this.tracker;
		if (tracker == null) {
			return Findings.repeatedAppendix("/HSoThueDTu/HSoKhaiThue/PLuc/" + localName, null, null, localName);
		}
		return Findings.repeatedAppendix(tracker.current().xpath(), tracker.lineNumber(), tracker.columnNumber(),
				localName);
	}

	/** @return the digest of the return's content ({@link ContentDigest}), once the parse is over */
	String contentSha256() {
		return this.content.hex();
	}

	List<DeclaredChange> declaredChanges() {
		return this.explanations.changes();
	}

	@Nullable RefundClawback refundClawback() {
		return this.refunds.clawback();
	}

	Map<String, String> indicators() {
		return this.indicators;
	}

	ReturnHeader header(FormVersion form) {
		TaxPeriod period = new TaxPeriod(required("kieuKy"), required("kyKKhai"), dayMonthYear("kyKKhaiTuNgay"),
				dayMonthYear("kyKKhaiDenNgay"));
		String ngayKy = this.header.getOrDefault("ngayKy", "");
		String agent = this.header.getOrDefault("mstDLyThue", "");
		return new ReturnHeader(TaxpayerId.normalised(required("mst")), form.formCode(), required("maTKhai"),
				required("pbanTKhaiXML"), required("loaiTKhai"), Integer.parseInt(required("soLan")), period,
				required("maCQTNoiNop"), ngayKy.isEmpty() ? null : LocalDate.parse(ngayKy),
				agent.isEmpty() ? null : TaxpayerId.normalised(agent));
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
