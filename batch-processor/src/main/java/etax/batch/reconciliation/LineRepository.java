package etax.batch.reconciliation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lines of the days as their last run classified them ({@code reconciliation.line}), each with its legs'
 * codings side by side.
 */
@Repository
class LineRepository {

	private static final String WHERE = " WHERE business_day = :day AND (CAST(:class AS text) IS NULL OR class = :class)"
			+ " AND (CAST(:office AS text) IS NULL OR tax_office = :office)";

	private final JdbcClient jdbc;

	LineRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A page of a day's lines, in the scope, in key order. */
	List<ReconciledLine> page(LocalDate day, @Nullable LineClass lineClass, OfficeScope scope, int page, int size) {
		return this.jdbc.sql("SELECT * FROM reconciliation.line" + WHERE
				+ " ORDER BY line_key LIMIT :size OFFSET :offset")
			.param("day", day)
			.param("class", name(lineClass), Types.VARCHAR)
			.param("office", scope.taxOffice(), Types.VARCHAR)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(LineRepository::line)
			.list();
	}

	/** How many lines {@link #page} has in all its pages. */
	long count(LocalDate day, @Nullable LineClass lineClass, OfficeScope scope) {
		return this.jdbc.sql("SELECT count(*) FROM reconciliation.line" + WHERE)
			.param("day", day)
			.param("class", name(lineClass), Types.VARCHAR)
			.param("office", scope.taxOffice(), Types.VARCHAR)
			.query(Long.class)
			.single();
	}

	Optional<ReconciledLine> find(LocalDate day, String lineKey) {
		return this.jdbc.sql("SELECT * FROM reconciliation.line WHERE business_day = ? AND line_key = ?")
			.params(day, lineKey)
			.query(LineRepository::line)
			.optional();
	}

	private static @Nullable String name(@Nullable LineClass lineClass) {
		return (lineClass != null) ? lineClass.name() : null;
	}

	private static ReconciledLine line(ResultSet row, int n) throws SQLException {
		Array mismatched = row.getArray("mismatched");
		return new ReconciledLine(row.getString("line_key"), LineClass.valueOf(row.getString("class")),
				row.getString("currency"), row.getBigDecimal("amount"), row.getString("bank_code"),
				row.getString("bank_reference"), row.getObject("line_number", Integer.class),
				row.getObject("posting_id", UUID.class), row.getString("tax_office"), row.getString("treasury_code"),
				row.getString("tax_status"),
				row.getString("bank_status"), row.getString("treasury_status"),
				(mismatched != null) ? Arrays.asList((String[]) mismatched.getArray()) : List.of(), coding(row, "tax"),
				coding(row, "bank"), coding(row, "treasury"), row.getObject("treasury_value_date", LocalDate.class));
	}

	private static ReconciledLine.@Nullable Coding coding(ResultSet row, String leg) throws SQLException {
		String chapter = row.getString(leg + "_chapter");
		if (chapter == null) {
			return null;
		}
		// the treasury's statement carries no collecting agency, payer or period: reconciliation.line has no
		// columns for them
		boolean voucher = !"treasury".equals(leg);
		return new ReconciledLine.Coding(chapter, row.getString(leg + "_sub_item"), row.getString(leg + "_area"),
				row.getBigDecimal(leg + "_amount"), row.getString(leg + "_currency"), row.getString(leg + "_treasury_code"),
				row.getString(leg + "_treasury_account"), voucher ? row.getString(leg + "_collecting_agency") : null,
				voucher ? row.getString(leg + "_payer_mst") : null, voucher ? row.getString(leg + "_tax_period") : null);
	}

}
