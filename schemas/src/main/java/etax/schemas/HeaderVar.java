package etax.schemas;

import org.jspecify.annotations.Nullable;

/**
 * The envelope fields that formulas may read, by the names formulas use for them. {@code periodStart} is not an
 * element: it is the first day of the declared period ({@link PeriodCoverage#start}), set once the envelope is read.
 * Break vectors may set {@code filingType}, {@code submissionNumber} and {@code periodKind} only.
 */
enum HeaderVar {

	FILING_TYPE("filingType", "loaiTKhai", FieldType.CODE, "TKhaiThue/loaiTKhai"),

	SUBMISSION_NUMBER("submissionNumber", "soLan", FieldType.COUNT, "TKhaiThue/soLan"),

	PERIOD_KIND("periodKind", "kieuKy", FieldType.CODE, "TKhaiThue/KyKKhaiThue/kieuKy"),

	PERIOD("period", "kyKKhai", FieldType.CODE, "TKhaiThue/KyKKhaiThue/kyKKhai"),

	/** The signing date ({@code ngayKy}), yyyy-MM-dd; empty when the return leaves it empty. */
	SIGNED_ON("signedOn", "ngayKy", FieldType.DATE, "TKhaiThue/ngayKy"),

	/** The first day of the declared period, yyyy-MM-dd; empty when the period cannot be read. */
	PERIOD_START("periodStart", null, FieldType.DATE, "TKhaiThue/KyKKhaiThue/kyKKhai");

	private static final String TTIN = "/HSoThueDTu/HSoKhaiThue/TTinChung/TTinTKhaiThue/";

	/** {@code values()} copies the array on every call, and the look-ups run for every element of a return. */
	private static final HeaderVar[] ALL = values();

	private final String formulaName;

	private final @Nullable String element;

	private final FieldType type;

	private final String xpath;

	HeaderVar(String formulaName, @Nullable String element, FieldType type, String path) {
		this.formulaName = formulaName;
		this.element = element;
		this.type = type;
		this.xpath = TTIN + path;
	}

	String formulaName() {
		return this.formulaName;
	}

	/** The local name of the envelope element; {@code null} for a value computed from the envelope. */
	@Nullable String element() {
		return this.element;
	}

	/** Whether a break vector may set it: the generator draws these when it makes the envelope. */
	boolean breakable() {
		return this == FILING_TYPE || this == SUBMISSION_NUMBER || this == PERIOD_KIND;
	}

	FieldType type() {
		return this.type;
	}

	String xpath() {
		return this.xpath;
	}

	static @Nullable HeaderVar byFormulaName(String name) {
		for (HeaderVar variable : ALL) {
			if (variable.formulaName.equals(name)) {
				return variable;
			}
		}
		return null;
	}

	static @Nullable HeaderVar byElement(String element) {
		for (HeaderVar variable : ALL) {
			if (element.equals(variable.element)) {
				return variable;
			}
		}
		return null;
	}

}
