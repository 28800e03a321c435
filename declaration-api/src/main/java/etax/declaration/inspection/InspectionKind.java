package etax.declaration.inspection;

import java.util.Arrays;
import java.util.Optional;

import etax.schemas.LocalizedText;

/**
 * What kind of inspection at the taxpayer's premises was decided (Law 38/2019 Chapter XIII): both stop a
 * supplement of the inspected periods from being a plain correction (Art. 47(2), (3)). The code is what the API
 * takes and answers; the labels are what findings write.
 */
public enum InspectionKind {

	/** Thanh tra thuế. */
	THANH_TRA("Thanh tra thuế", "Tax audit"),

	/** Kiểm tra thuế tại trụ sở người nộp thuế. */
	KIEM_TRA("Kiểm tra thuế", "Tax inspection");

	private final LocalizedText label;

	InspectionKind(String vi, String en) {
		this.label = new LocalizedText(vi, en);
	}

	/**
	 * @return what the kind is called, in Vietnamese and English
	 */
	public LocalizedText label() {
		return this.label;
	}

	/**
	 * @param code a kind's code, e.g. {@code THANH_TRA}
	 * @return the kind, or empty if there is none of that code
	 */
	static Optional<InspectionKind> of(String code) {
		return Arrays.stream(values()).filter((kind) -> kind.name().equals(code)).findFirst();
	}

}
