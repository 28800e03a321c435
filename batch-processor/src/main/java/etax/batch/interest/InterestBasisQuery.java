package etax.batch.interest;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import etax.batch.interest.InterestBasis.Reduction;

/**
 * What {@code interestAssessmentJob} reads for a day: the published views {@code payment.interest_basis_v1} and
 * {@code payment.provisional_shortfall_v1}, which has the same columns (the gateway's contracts,
 * docs/adr/0011-interest-assessment.md), with this service's accrual of each item. A shortfall of the provisional
 * corporate income tax payments is assessed as a payable item is: its id is no payable item's.
 */
final class InterestBasisQuery {

	/*
	 * Parameters: the day, twice, then the number of partitions and this partition. An item is read when
	 * it was due before the day, is not assessed for it yet, and its interest can have changed since the
	 * last day assessed: grown (something is unpaid, or it was paid off after that day), or grown or fallen
	 * because the ledger changed it since it was last read (a reversal; a payment confirmed late or a
	 * supplement that lowered the tax, both of which can leave less accrued than was published, which the
	 * run then takes back). changed_at is the gateway's booking time, taken before its commit: the ten
	 * minutes cover a ledger transaction still open when the last run read the view. A paid-off item with
	 * nothing new is not read again, so the daily read stays with the open items; an accrual whose
	 * computed_at is -infinity is read once whatever the ledger shows (V41 marks every item with interest
	 * published, for what V24's re-dating of credits changed without a new ledger line).
	 */
	static final String SQL = """
			SELECT b.payable_item_id, b.mst, b.chapter, b.sub_item, b.tax_period, b.amount, b.due_date,
				b.reduction_dates, b.reduction_amounts, a.assessed_through, coalesce(a.assessed_total, 0)
			FROM (SELECT payable_item_id, mst, chapter, sub_item, tax_period, amount, due_date, outstanding,
					reduction_dates, reduction_amounts, changed_at
				FROM payment.interest_basis_v1
				UNION ALL
				SELECT payable_item_id, mst, chapter, sub_item, tax_period, amount, due_date, outstanding,
					reduction_dates, reduction_amounts, changed_at
				FROM payment.provisional_shortfall_v1) b
			LEFT JOIN batch.interest_accrual a ON a.payable_item_id = b.payable_item_id
			WHERE b.due_date < ?
				AND (a.assessed_through IS NULL OR a.assessed_through < ?)
				AND (b.outstanding > 0
					OR b.reduction_dates[cardinality(b.reduction_dates)] > greatest(b.due_date, a.assessed_through) + 1
					OR b.changed_at > a.computed_at - interval '10 minutes')
				AND (hashtext(b.payable_item_id) & 2147483647) % ? = ?
			""";

	private InterestBasisQuery() {
	}

	static InterestBasis basis(ResultSet rs, int rowNum) throws SQLException {
		return new InterestBasis(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getBigDecimal(6).longValueExact(), rs.getObject(7, LocalDate.class),
				reductions(rs.getArray(8), rs.getArray(9)), rs.getObject(10, LocalDate.class),
				rs.getBigDecimal(11).longValueExact());
	}

	private static List<Reduction> reductions(Array dates, Array amounts) throws SQLException {
		Date[] days = (Date[]) dates.getArray();
		BigDecimal[] values = (BigDecimal[]) amounts.getArray();
		List<Reduction> reductions = new ArrayList<>(days.length);
		for (int i = 0; i < days.length; i++) {
			reductions.add(new Reduction(days[i].toLocalDate(), values[i].longValueExact()));
		}
		return reductions;
	}

}
