package etax.payment.ledger;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Repository;

/**
 * The years' taxes the finalizations declared, in {@code payment.annual_tax}: inserted, never updated; the latest
 * booked for a taxpayer, sub-item and year is in force ({@code payment.provisional_shortfall_v1}), with the rule
 * its event announced.
 */
@Repository
class AnnualTaxRepository {

	private final JdbcTemplate jdbc;

	AnnualTaxRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Books, in their order, the years' taxes not booked yet under their event or their return and sub-item. One
	 * booked already with the same content is a duplicate and changes nothing.
	 * @return those booked already with other content: conflicts, which change nothing either
	 */
	List<AnnualTax> book(List<AnnualTax> taxes, Instant bookedAt) {
		List<AnnualTax> conflicts = new ArrayList<>();
		for (AnnualTax tax : taxes) {
			int inserted = this.jdbc.update("""
					INSERT INTO payment.annual_tax (event_id, return_id, mst, chapter, sub_item, tax_year, annual_tax,
						provisional_deadline, provisional_quarters, required_percent, shortfall_id, tax_office_code,
						content_hash, booked_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT DO NOTHING""", tax.sourceEventId(), tax.returnId(), tax.mst(), tax.chapter(),
					tax.subItem(), tax.taxYear(), tax.amount(), tax.provisionalDeadline(), tax.provisionalQuarters(),
					tax.requiredPercent(), tax.shortfallId(),
					new SqlParameterValue(Types.VARCHAR, tax.taxOffice()),
					tax.contentHash(), bookedAt.atOffset(ZoneOffset.UTC));
			if (inserted == 0 && !this.jdbc.queryForList("""
					SELECT content_hash FROM payment.annual_tax
					WHERE event_id = ? OR (return_id = ? AND sub_item = ?)""", String.class, tax.sourceEventId(),
					tax.returnId(), tax.subItem()).stream().allMatch(tax.contentHash()::equals)) {
				conflicts.add(tax);
			}
		}
		return conflicts;
	}

}
