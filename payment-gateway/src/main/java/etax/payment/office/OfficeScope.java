package etax.payment.office;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The rows of the officers' views a caller reads, as a test on a row's office and as SQL conditions on the
 * column that gives it: a national officer reads every row, an office's officer the rows of its office, and an
 * officer of the payment desk also the rows of no office.
 *
 * @param national every row
 * @param office the caller's office, for an office's officer
 * @param paymentDesk whether the caller also reads the rows of no office
 * @param agencies the collecting agencies whose payments are the caller's office's
 * @param mappedAgencies every collecting agency mapped to an office: a payment of another one is of no office
 */
public record OfficeScope(boolean national, @Nullable String office, boolean paymentDesk, List<String> agencies,
		List<String> mappedAgencies) {

	public OfficeScope {
		agencies = List.copyOf(agencies);
		mappedAgencies = List.copyOf(mappedAgencies);
	}

	/**
	 * Whether the caller reads a row of an office.
	 * @param rowOffice the row's office, null for none
	 * @return whether it does
	 */
	public boolean sees(@Nullable String rowOffice) {
		if (this.national) {
			return true;
		}
		return (rowOffice == null) ? this.paymentDesk : rowOffice.equals(this.office);
	}

	/**
	 * Whether the caller reads a row of a payment (a confirmation, its postings).
	 * @param collectingAgency the payment's collecting agency, null for none
	 * @return whether it does: a payment of an agency not mapped is of no office
	 */
	public boolean seesPayment(@Nullable String collectingAgency) {
		if (this.national) {
			return true;
		}
		if (collectingAgency == null || !this.mappedAgencies.contains(collectingAgency)) {
			return this.paymentDesk;
		}
		return this.agencies.contains(collectingAgency);
	}

	/**
	 * The rows whose office is a column's value (null: none), such as an obligation's
	 * {@code tax_office_code}.
	 * @param column the column, qualified as the query needs
	 * @return the condition, with positional parameters
	 */
	public Condition onOffice(String column) {
		return new Condition("(? OR " + column + " = ? OR (? AND " + column + " IS NULL))",
				List.of(this.national, Objects.requireNonNullElse(this.office, ""), this.paymentDesk));
	}

	/**
	 * The rows of the payments whose collecting agency is a column's value: the office is the one the agency
	 * maps to; a payment of an agency not mapped, or of none, is of no office.
	 * @param column the column, qualified as the query needs
	 * @return the condition, with positional parameters
	 */
	public Condition onCollectingAgency(String column) {
		return new Condition("(? OR " + column + " = ANY (?) OR (? AND (" + column + " IS NULL OR NOT " + column
				+ " = ANY (?))))", List.of(this.national, this.agencies.toArray(String[]::new), this.paymentDesk,
						this.mappedAgencies.toArray(String[]::new)));
	}

	/**
	 * An SQL condition and its positional parameters, in order.
	 * @param sql the condition
	 * @param parameters its parameters
	 */
	public record Condition(String sql, List<Object> parameters) {

		public Condition {
			parameters = List.copyOf(parameters);
		}

		/**
		 * Its parameters followed by others, for a query that has more after the condition.
		 * @param more the parameters after it
		 * @return all of them, in order
		 */
		public List<Object> with(Object... more) {
			return Stream.concat(this.parameters.stream(), Arrays.stream(more)).toList();
		}

	}

}
