package etax.batch.console.taxpayers;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One of a closed list of codes declaration-api takes, with what it is called, for a form's choice on the taxpayer's
 * page. The services share no code, so the lists are written here too ({@link #EXTENSION_REASONS},
 * {@link #INSPECTION_KINDS}); declaration-api refuses any code it does not know, and what a table shows of a
 * record are the words declaration-api answers with.
 *
 * @param code the code declaration-api takes
 * @param vi what it is called in Vietnamese
 * @param en what it is called in English
 */
record Choice(String code, String vi, String en) {

	/** Why a filing deadline may be extended: the closed list of Law 38/2019 Art. 46(1) (VN-ETAX.md R-DL-6). */
	static final List<Choice> EXTENSION_REASONS = List.of(
			new Choice("NATURAL_DISASTER", "Thiên tai", "Natural disaster"),
			new Choice("CATASTROPHE", "Thảm họa", "Catastrophe"), new Choice("EPIDEMIC", "Dịch bệnh", "Epidemic"),
			new Choice("FIRE", "Hỏa hoạn", "Fire"), new Choice("ACCIDENT", "Tai nạn bất ngờ", "Unexpected accident"));

	/** The kinds of inspection at the taxpayer's premises (Law 38/2019 Chapter XIII). */
	static final List<Choice> INSPECTION_KINDS = List.of(new Choice("THANH_TRA", "Thanh tra thuế", "Tax audit"),
			new Choice("KIEM_TRA", "Kiểm tra thuế", "Tax inspection"));

	/**
	 * @param choices a list
	 * @param code a code as typed
	 * @return the choice of that code, if the list has it
	 */
	static Optional<Choice> of(List<Choice> choices, @Nullable String code) {
		return choices.stream().filter((choice) -> choice.code().equals(code)).findFirst();
	}

	/** @return what it is called, Vietnamese first */
	String words() {
		return this.vi + " (" + this.en + ")";
	}

}
