package etax.payment.ledger;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A taxpayer's provisional corporate income tax payments judged against each year's finalization in force, by the
 * rule it announced (its quarters and required share): the shortfall {@code payment.provisional_shortfall_v1}
 * publishes for interest, with what it is made of, so that a taxpayer or an officer can see why interest was charged
 * on it.
 */
@Service
public class ProvisionalShortfalls {

	private final JdbcTemplate jdbc;

	ProvisionalShortfalls(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The taxpayer's years with a finalization in force, newest first.
	 * @param mst the taxpayer, whose access the caller checked
	 */
	public List<ProvisionalShortfall> of(String mst) {
		return this.jdbc.query("""
				SELECT a.shortfall_id, a.tax_year, a.sub_item, a.annual_tax, a.return_id, a.provisional_quarters,
					a.required_percent, a.required, a.provisional_deadline,
					(SELECT coalesce(sum(p.amount), 0) FROM payment.tax_paid_v1 p
					 WHERE p.mst = a.mst AND p.sub_item = a.sub_item AND p.paid_on <= a.provisional_deadline
						AND p.tax_period = ANY ((ARRAY['00/Q1/' || a.tax_year, '00/Q2/' || a.tax_year,
							'00/Q3/' || a.tax_year, '00/Q4/' || a.tax_year])[1:a.provisional_quarters])),
					s.amount, s.reduction_dates, s.reduction_amounts, s.outstanding,
					(SELECT coalesce(sum(o.amount - o.reduced), 0) FROM payment.obligation o
					 WHERE o.kind = 'INTEREST' AND o.base_item_id = a.shortfall_id)
				FROM (SELECT DISTINCT ON (sub_item, tax_year) * FROM payment.annual_tax WHERE mst = ?
					ORDER BY sub_item, tax_year, booking_seq DESC) a
				JOIN payment.provisional_shortfall_v1 s ON s.payable_item_id = a.shortfall_id
				ORDER BY a.tax_year DESC, a.sub_item""", ProvisionalShortfalls::shortfall, mst);
	}

	private static ProvisionalShortfall shortfall(ResultSet row, int n) throws SQLException {
		return new ProvisionalShortfall(row.getString(1), row.getInt(2), row.getString(3), row.getBigDecimal(4),
				row.getObject(5, UUID.class), row.getInt(6), row.getInt(7), row.getBigDecimal(8),
				row.getObject(9, LocalDate.class), row.getBigDecimal(10), row.getBigDecimal(11),
				paidOff(row.getArray(12), row.getArray(13)), row.getBigDecimal(14), row.getBigDecimal(15));
	}

	private static List<ProvisionalShortfall.PaidOff> paidOff(Array dates, Array amounts) throws SQLException {
		Date[] days = (Date[]) dates.getArray();
		BigDecimal[] values = (BigDecimal[]) amounts.getArray();
		List<ProvisionalShortfall.PaidOff> paidOff = new ArrayList<>(days.length);
		for (int i = 0; i < days.length; i++) {
			paidOff.add(new ProvisionalShortfall.PaidOff(days[i].toLocalDate(), values[i]));
		}
		return paidOff;
	}

}
