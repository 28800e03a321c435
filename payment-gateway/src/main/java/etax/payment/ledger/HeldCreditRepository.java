package etax.payment.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import etax.payment.office.OfficeScope;
import etax.payment.office.OfficeScope.Condition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Held credits as an officer resolves them, and {@code payment.held_credit_resolution}: one row per credit,
 * inserted once (its primary key refuses a second resolution), never updated; {@code item_mst} is null when the
 * credit was held because its item was never booked (V40).
 */
@Repository
class HeldCreditRepository {

	/**
	 * Whether a credit {@code c} naming an item (joined as {@code o}, left: none when never booked) waits for an
	 * officer: the item is another taxpayer's, or it is not booked and the credit was recorded at or before the
	 * cutoff, the one positional parameter. A credit waiting for an item of its own taxpayer is never held: the
	 * item's booking applies it.
	 */
	static final String HELD = "(o.mst <> c.mst OR (o.item_id IS NULL AND c.created_at <= ?))";

	private static final String RESOLUTION_COLUMNS = """
			r.kind, r.correction_id, r.amount, r.applied, r.released, r.requested_by, r.approved_by, r.resolved_at""";

	private final JdbcClient jdbc;

	HeldCreditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The credit of a payment line held for an officer, whatever is left of it: the line named another taxpayer's
	 * item, or an item still not booked although the payment was recorded at or before the cutoff (ADR 0006).
	 * @param postingId the payment line
	 * @param cutoff the latest recording time of a credit that waited long enough for an item never booked
	 */
	Optional<Held> held(UUID postingId, Instant cutoff) {
		return this.jdbc.sql("""
				SELECT c.credit_id, c.mst, c.sub_item, c.remaining, c.named_item_id, o.mst, o.sub_item, o.outstanding
				FROM payment.credit c LEFT JOIN payment.obligation o ON o.item_id = c.named_item_id
				WHERE c.posting_id = ? AND c.named_item_id IS NOT NULL AND\s""" + HELD)
			.params(postingId, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
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
	 * Resolved held credits in an officer's scope, the latest resolution first, from after the cursor's: a held
	 * credit is of the office of its payment's collecting agency, the office that resolves it (ADR 0022). The named
	 * item is shown as it was when it was resolved: of one never booked then ({@code item_mst} null) only the id, also
	 * if it came later.
	 */
	List<HeldCredit> resolved(OfficeScope scope, @Nullable HeldCreditCursor after, int size) {
		Condition ofOffice = scope.onCollectingAgency("p.collecting_agency_code");
		List<Object> from = (after != null) ? List.of(OffsetDateTime.ofInstant(Objects.requireNonNull(after.resolvedAt()),
				ZoneOffset.UTC), Objects.requireNonNull(after.creditId())) : List.of();
		return this.jdbc.sql("""
				SELECT c.credit_id, c.mst, c.sub_item, c.amount, c.remaining, c.paid_on, c.payment_key, c.posting_id,
				    c.created_at, r.item_id, o.mst, o.sub_item, o.tax_period, o.outstanding, l.line_number,\s"""
				+ RESOLUTION_COLUMNS + """

				FROM payment.held_credit_resolution r JOIN payment.credit c ON c.credit_id = r.credit_id
				LEFT JOIN payment.obligation o ON o.item_id = r.item_id AND o.mst = r.item_mst
				JOIN payment.confirmation_line l ON l.posting_id = r.posting_id
				JOIN payment.confirmation p ON p.bank_code = l.bank_code AND p.bank_reference = l.bank_reference
				WHERE\s""" + ofOffice.sql() + ((after != null) ? " AND (r.resolved_at, r.credit_id) < (?, ?)" : "") + """

				ORDER BY r.resolved_at DESC, r.credit_id DESC LIMIT ?""")
			.params(ofOffice.with(Stream.concat(from.stream(), Stream.of(size)).toArray()))
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

	/**
	 * A held credit from the first 15 columns of a row, as {@link LedgerViews#held} reads them: the named item's
	 * id tenth, its taxpayer (null when it was never booked, which is then the reason it is held) and the rest of
	 * it after.
	 */
	static HeldCredit credit(ResultSet row, HeldCredit.@Nullable Resolution resolution) throws SQLException {
		String paymentKey = row.getString(7);
		int colon = paymentKey.indexOf(':');
		String itemMst = row.getString(11);
		return new HeldCredit(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getBigDecimal(4),
				row.getBigDecimal(5), row.getObject(6, LocalDate.class), paymentKey.substring(0, colon),
				paymentKey.substring(colon + 1), row.getInt(15), row.getObject(8, UUID.class),
				row.getObject(9, OffsetDateTime.class).toInstant(), new HeldCredit.NamedItem(row.getString(10),
						itemMst, row.getString(12), row.getString(13), row.getBigDecimal(14)),
				(itemMst != null) ? HeldCredit.Reason.ITEM_OF_ANOTHER_TAXPAYER : HeldCredit.Reason.ITEM_NEVER_BOOKED,
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
	 * @param itemMst that item's taxpayer, null for an item never booked
	 * @param itemSubItem that item's sub-item, null for an item never booked
	 * @param itemOutstanding what that item owes, null for an item never booked
	 */
	record Held(UUID creditId, String payerMst, String subItem, BigDecimal remaining, String itemId,
			@Nullable String itemMst, @Nullable String itemSubItem, @Nullable BigDecimal itemOutstanding) {

		/** Whether it is held because the item it names was never booked, rather than booked for another taxpayer. */
		boolean neverBooked() {
			return this.itemMst == null;
		}

		/** The taxpayers whose accounts resolving it may move, whose locks it takes: the payer, the item's. */
		Set<String> taxpayers() {
			return (this.itemMst == null) ? Set.of(this.payerMst) : new LinkedHashSet<>(List.of(this.payerMst, this.itemMst));
		}

	}

}
