package etax.batch.console.taxpayers;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a filing deadline may be extended, the closed list of Law 38/2019 Art. 46(1) (VN-ETAX.md R-DL-6) as
 * declaration-api takes it, for the grant form's choice. The services share no code, so the list is written
 * here too; declaration-api refuses any code it does not know, and what the table shows of a grant are the
 * words declaration-api answers with.
 */
enum ExtensionReason {

	NATURAL_DISASTER("Thiên tai", "Natural disaster"),

	CATASTROPHE("Thảm họa", "Catastrophe"),

	EPIDEMIC("Dịch bệnh", "Epidemic"),

	FIRE("Hỏa hoạn", "Fire"),

	ACCIDENT("Tai nạn bất ngờ", "Unexpected accident");

	private final String vi;

	private final String en;

	ExtensionReason(String vi, String en) {
		this.vi = vi;
		this.en = en;
	}

	/** @return the code declaration-api takes */
	public String code() {
		return name();
	}

	/** @return what it is called in Vietnamese */
	public String vi() {
		return this.vi;
	}

	/** @return what it is called in English */
	public String en() {
		return this.en;
	}

	static Optional<ExtensionReason> of(String code) {
		return Arrays.stream(values()).filter((reason) -> reason.name().equals(code)).findFirst();
	}

}
