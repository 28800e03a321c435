package etax.declaration.inspection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import etax.schemas.LocalizedText;

/**
 * What an inspection's conclusion held against tax it assessed, and the fine that follows: a multiple of the tax,
 * the same for an organisation and an individual (Decree 125/2020 Art. 7(4) leaves Art. 16 and 17 out of the halving).
 * The code is what the API takes and answers.
 */
public enum Violation {

	/**
	 * Khai sai dẫn đến thiếu số thuế phải nộp (Law 38/2019 Art. 142, Decree 125/2020 Art. 16(1)): 20 % of the tax
	 * understated.
	 */
	UNDERSTATEMENT("Khai sai dẫn đến thiếu số thuế phải nộp", "Tax understated", List.of("0.2")),

	/**
	 * Trốn thuế (Law 38/2019 Art. 143, Decree 125/2020 Art. 17(1)): one to three times the tax evaded, by halves, as
	 * the mitigating and aggravating circumstances weigh.
	 */
	EVASION("Trốn thuế", "Tax evaded", List.of("1", "1.5", "2", "2.5", "3"));

	private final LocalizedText label;

	private final List<BigDecimal> rates;

	Violation(String vi, String en, List<String> rates) {
		this.label = new LocalizedText(vi, en);
		this.rates = rates.stream().map(BigDecimal::new).toList();
	}

	/**
	 * @return what the violation is called, in Vietnamese and English
	 */
	public LocalizedText label() {
		return this.label;
	}

	/**
	 * @return the multiples of the tax the fine may be, least first
	 */
	List<BigDecimal> rates() {
		return this.rates;
	}

	/**
	 * @param rate a multiple of the tax
	 * @return whether the fine may be that multiple
	 */
	boolean allows(BigDecimal rate) {
		return this.rates.stream().anyMatch((allowed) -> allowed.compareTo(rate) == 0);
	}

	/**
	 * @param tax the tax understated or evaded, VND
	 * @param rate one of the {@link #rates}
	 * @return the fine, VND, rounded half up to the đồng
	 */
	static long fine(long tax, BigDecimal rate) {
		return BigDecimal.valueOf(tax).multiply(rate).setScale(0, RoundingMode.HALF_UP).longValueExact();
	}

	/**
	 * @param code a violation's code, e.g. {@code UNDERSTATEMENT}
	 * @return the violation, or empty if there is none of that code
	 */
	static Optional<Violation> of(String code) {
		return Arrays.stream(values()).filter((violation) -> violation.name().equals(code)).findFirst();
	}

}
