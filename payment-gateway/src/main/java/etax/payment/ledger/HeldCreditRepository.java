package etax.payment.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import etax.payment.office.OfficeScope;
import etax.payment.office.OfficeScope.Condition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Held credits as an officer resolves them, and {@code payment.held_credit_resolution}: one row per credit,
 * inserted once (its primary key refuses a second resolution), never updated.
 */
@Repository
class HeldCreditRepository {

	private static final String RESOLUTION_COLUMNS = """
			r.kind, r.correction_id, r.amount, r.applied, r.released, r.requested_by, r.approved_by, r.resolved_at""";

	private final JdbcClient jdbc;

	HeldCreditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The credit of a payment line that named another taxpayer's item, whatever is left of it. */
	Optional<Held> held(UUID postingId) {
		return this.jdbc.sql("""
				SELECT c.credit_id, c.mst, c.sub_item, c.remaining, o.item_id, o.mst, o.sub_item, o.outstanding
				FROM payment.credit c JOIN payment.obligation o ON o.item_id = c.named_item_id
				WHERE c.posting_id = ? AND c.named_item_id IS NOT NULL AND o.mst <> c.mst""")
			.param(postingId)
			.query((row, n) -> new Held(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
					row.getBigDecimal(4), row.getString(5), row.getString(6), row.getString(7), row.getBigDecimal(8)))
			.optional();
	}

	/** How the held credit of a payment line was resolved, if it was. */
	Optional<HeldCredit.Resolution> resolution(UUID postingId) {
		return this.jdbc.sql("SELECT " + RESOLUTION_COLUMNS + " FROM payment.held_credit_resolution r WHERE posting_id = ?")
			.param(postingId)
			.query((row, n) -> resolution(row, 1))
			.optional();
	}

	/** Inserts a resolution unless its credit has one. @return whether this call inserted it */
	boolean insert(Held held, UUID postingId, HeldCredit.Resolution r) {
		return this.jdbc.sql("""
				INSERT INTO payment.held_credit_resolution (credit_id, posting_id, correction_id, kind, payer_mst, item_id,
				    item_mst, amount, applied, released, requested_by, approved_by, resolved_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (credit_id) DO NOTHING""")
			.params(held.creditId(), postingId, r.correctionId(), r.kind(), held.payerMst(), held.itemId(),
					held.itemMst(), r.amount(), r.applied(), r.released(), r.requestedBy(), r.approvedBy(),
					OffsetDateTime.ofInstant(r.resolvedAt(), ZoneOffset.UTC))
			.update() == 1;
	}

	/**
	 * The taxpayers whose items held credits of these payments were applied to, or credits of them offset on
	 * request (01/ĐNXLNT, another MST's items too): a reversal of such a payment re-opens their items, so it holds
	 * their locks too. No statement without payments.
	 */
	List<String> beneficiaries(Collection<String> paymentKeys) {
		if (paymentKeys.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT DISTINCT r.item_mst FROM payment.held_credit_resolution r JOIN payment.credit c USING (credit_id)
				WHERE r.kind = 'APPLY_HELD' AND c.payment_key = ANY (?)
				UNION SELECT l.mst FROM payment.ledger_line l
				WHERE l.payment_key = ANY (?) AND l.entry_type = 'CREDIT_OFFSET' AND l.account = 'TAXPAYER_OBLIGATION'""")
			.params(paymentKeys.toArray(String[]::new), paymentKeys.toArray(String[]::new))
			.query(String.class)
			.list();
	}

	/**
	 * Resolved held credits in an officer's scope, the latest resolution first: a held credit is of the office of
	 * its payment's collecting agency, the office that resolves it (ADR 0022).
	 */
	List<HeldCredit> resolved(OfficeScope scope, int page, int size) {
		Condition ofOffice = scope.onCollectingAgency("p.collecting_agency_code");
		return this.jdbc.sql("""
				SELECT c.credit_id, c.mst, c.sub_item, c.amount, c.remaining, c.paid_on, c.payment_key, c.posting_id,
				    c.created_at, o.item_id, o.mst, o.sub_item, o.tax_period, o.outstanding, l.line_number,\s"""
				+ RESOLUTION_COLUMNS + """

				FROM payment.held_credit_resolution r JOIN payment.credit c ON c.credit_id = r.credit_id
				JOIN payment.obligation o ON o.item_id = r.item_id
				JOIN payment.confirmation_line l ON l.posting_id = r.posting_id
				JOIN payment.confirmation p ON p.bank_code = l.bank_code AND p.bank_reference = l.bank_reference
				WHERE\s""" + ofOffice.sql() + """

				ORDER BY r.resolved_at DESC, r.credit_id LIMIT ? OFFSET ?""")
			.params(ofOffice.with(size, (long) page * size))
			.query((row, n) -> credit(row, resolution(row, 16)))
			.list();
	}

	long countResolved(OfficeScope scope) {
		Condition ofOffice = scope.onCollectingAgency("p.collecting_agency_code");
		return this.jdbc.sql("""
				SELECT count(*) FROM payment.held_credit_resolution r
				JOIN payment.confirmation_line l ON l.posting_id = r.posting_id
				JOIN payment.confirmation p ON p.bank_code = l.bank_code AND p.bank_reference = l.bank_reference
				WHERE\s""" + ofOffice.sql())
			.params(ofOffice.parameters())
			.query(Long.class)
			.single();
	}

	/** A held credit from the first 15 columns of a row, as {@link LedgerViews#held} reads them. */
	static HeldCredit credit(ResultSet row, HeldCredit.@Nullable Resolution resolution) throws SQLException {
		String paymentKey = row.getString(7);
		int colon = paymentKey.indexOf(':');
		return new HeldCredit(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getBigDecimal(4),
				row.getBigDecimal(5), row.getObject(6, LocalDate.class), paymentKey.substring(0, colon),
				paymentKey.substring(colon + 1), row.getInt(15), row.getObject(8, UUID.class),
				row.getObject(9, OffsetDateTime.class).toInstant(), new HeldCredit.NamedItem(row.getString(10),
						row.getString(11), row.getString(12), row.getString(13), row.getBigDecimal(14)),
				resolution);
	}

	private static HeldCredit.Resolution resolution(ResultSet row, int first) throws SQLException {
		return new HeldCredit.Resolution(row.getString(first), row.getObject(first + 1, UUID.class),
				row.getBigDecimal(first + 2), row.getBigDecimal(first + 3), row.getBigDecimal(first + 4),
				row.getString(first + 5), row.getString(first + 6),
				row.getObject(first + 7, OffsetDateTime.class).toInstant());
	}

	/**
	 * A held credit and the item it names.
	 * @param creditId the credit
	 * @param payerMst its taxpayer, the payer
	 * @param subItem the sub-item it was paid under
	 * @param remaining what is left of it
	 * @param itemId the item it names
	 * @param itemMst that item's taxpayer
	 * @param itemSubItem that item's sub-item
	 * @param itemOutstanding what that item owes
	 */
	record Held(UUID creditId, String payerMst, String subItem, BigDecimal remaining, String itemId, String itemMst,
			String itemSubItem, BigDecimal itemOutstanding) {

	}

}
