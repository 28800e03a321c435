package etax.schemas;

/**
 * The kind of problem a {@link Finding} reports. The set follows the business-rule categories that filers
 * already know from other e-filing systems, so that a rule's category never changes when its text does. Its
 * label is the error group ({@code tenNhomLoi}) of the notices' reasons (VN-ETAX §3.10).
 */
public enum Category {

	XML_ERROR("Lỗi cấu trúc dữ liệu", "XML error"),

	MISSING_DATA("Thiếu dữ liệu", "Missing data"),

	INCORRECT_DATA("Dữ liệu không hợp lệ", "Incorrect data"),

	MATH_ERROR("Sai số học", "Math error"),

	DATA_MISMATCH("Dữ liệu không khớp", "Data mismatch"),

	DUPLICATE_CONDITION("Hồ sơ trùng lặp", "Duplicate condition"),

	NOT_ON_TIME("Không đúng thời hạn", "Not on time");

	private final LocalizedText label;

	Category(String vi, String en) {
		this.label = new LocalizedText(vi, en);
	}

	/** The group's name as people read it. */
	public LocalizedText label() {
		return this.label;
	}

}
