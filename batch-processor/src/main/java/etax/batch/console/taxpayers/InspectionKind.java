package etax.batch.console.taxpayers;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of inspection at the taxpayer's premises declaration-api records (Law 38/2019 Chapter XIII), for the
 * form's choice. Written here too, as the services share no code; declaration-api refuses a code it does not know.
 */
enum InspectionKind {

	THANH_TRA("Thanh tra thuế", "Tax audit"),

	KIEM_TRA("Kiểm tra thuế", "Tax inspection");

	private final String vi;

	private final String en;

	InspectionKind(String vi, String en) {
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

	static Optional<InspectionKind> of(String code) {
		return Arrays.stream(values()).filter((kind) -> kind.name().equals(code)).findFirst();
	}

}
