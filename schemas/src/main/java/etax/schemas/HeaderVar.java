package etax.schemas;

import org.jspecify.annotations.Nullable;

/**
 * The envelope fields that formulas may read, by the names formulas use for them.
 */
enum HeaderVar {

	FILING_TYPE("filingType", "loaiTKhai", FieldType.CODE, "TKhaiThue/loaiTKhai"),

	SUBMISSION_NUMBER("submissionNumber", "soLan", FieldType.COUNT, "TKhaiThue/soLan"),

	PERIOD_KIND("periodKind", "kieuKy", FieldType.CODE, "TKhaiThue/KyKKhaiThue/kieuKy"),

	PERIOD("period", "kyKKhai", FieldType.CODE, "TKhaiThue/KyKKhaiThue/kyKKhai");

	private static final String TTIN = "/HSoThueDTu/HSoKhaiThue/TTinChung/TTinTKhaiThue/";

	/** {@code values()} copies the array on every call, and the look-ups run for every element of a return. */
	private static final HeaderVar[] ALL = values();

	private final String formulaName;

	private final String element;

	private final FieldType type;

	private final String xpath;

	HeaderVar(String formulaName, String element, FieldType type, String path) {
		this.formulaName = formulaName;
		this.element = element;
		this.type = type;
		this.xpath = TTIN + path;
	}

	String formulaName() {
		return this.formulaName;
	}

	/** The local name of the envelope element. */
	String element() {
		return this.element;
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
			if (variable.element.equals(element)) {
				return variable;
			}
		}
		return null;
	}

}
