package etax.declaration.extension;

import java.util.Arrays;
import java.util.Optional;

import etax.schemas.LocalizedText;

/**
 * Why a filing deadline may be extended: the closed list of Law 38/2019 Art. 46(1), a taxpayer that cannot file
 * on time because of a natural disaster, a catastrophe, an epidemic, a fire or an unexpected accident
 * (VN-ETAX.md §3.5 R-DL-6, "force majeure"). No other reason is accepted. The code is what the API takes and
 * answers; the labels are what the acceptance notice writes.
 */
public enum ExtensionReason {

	/** Thiên tai. */
	NATURAL_DISASTER("Thiên tai", "Natural disaster"),

	/** Thảm họa. */
	CATASTROPHE("Thảm họa", "Catastrophe"),

	/** Dịch bệnh. */
	EPIDEMIC("Dịch bệnh", "Epidemic"),

	/** Hỏa hoạn. */
	FIRE("Hỏa hoạn", "Fire"),

	/** Tai nạn bất ngờ. */
	ACCIDENT("Tai nạn bất ngờ", "Unexpected accident");

	private final LocalizedText label;

	ExtensionReason(String vi, String en) {
		this.label = new LocalizedText(vi, en);
	}

	/**
	 * @return what the reason is called, in Vietnamese and English
	 */
	public LocalizedText label() {
		return this.label;
	}

	/**
	 * @param code a reason's code, e.g. {@code EPIDEMIC}
	 * @return the reason, or empty if the list has none of that code
	 */
	static Optional<ExtensionReason> of(String code) {
		return Arrays.stream(values()).filter((reason) -> reason.name().equals(code)).findFirst();
	}

}
