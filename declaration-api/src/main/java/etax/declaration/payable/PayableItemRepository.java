package etax.declaration.payable;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payable items in {@code filing.payable_item}; inserted with their return, their amounts never updated,
 * their payment state as the gateway announces it.
 */
@Repository
class PayableItemRepository {

	// mapped by column name: the records' property mapper fails over on an exception per camelCase column
	private static final RowMapper<PayableItem> ITEM = (row, n) -> new PayableItem(row.getObject("id", UUID.class),
			row.getString("chapter"), row.getString("sub_item"), row.getString("indicator"), row.getString("tax_period"),
			row.getLong("amount"), row.getObject("due_date", LocalDate.class), row.getString("payment_reference"));

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	PayableItemRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/** Inserts items in one statement. */
	void insert(List<NewItem> items) {
		if (items.isEmpty()) {
			return;
		}
		this.jdbcTemplate.batchUpdate("""
				INSERT INTO filing.payable_item (id, return_id, mst, chapter, sub_item, indicator, tax_period, amount,
				    due_date, payment_reference, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", items.stream().map(NewItem::row).toList());
	}

	/**
	 * An item to insert.
	 * @param returnId the return that created it
	 * @param mst the taxpayer
	 * @param item the item
	 * @param createdAt when
	 */
	record NewItem(UUID returnId, String mst, PayableItem item, Instant createdAt) {

		Object[] row() {
			return new Object[] { this.item.id(), this.returnId, this.mst, this.item.chapter(), this.item.subItem(),
					this.item.indicator(), this.item.taxPeriod(), this.item.amount(), this.item.dueDate(),
					this.item.paymentReference(), Timestamp.from(this.createdAt) };
		}

	}

	/** The returns that have one of these items, each with all its items and whether they all owe nothing. */
	List<ReturnState> returnsOf(Collection<UUID> itemIds) {
		return this.jdbc.sql("""
				SELECT return_id, bool_and(COALESCE(outstanding, amount) <= 0), array_agg(id) FROM filing.payable_item
				WHERE return_id IN (SELECT return_id FROM filing.payable_item WHERE id = ANY(?))
				GROUP BY return_id
				""")
			.param(itemIds.toArray(UUID[]::new))
			.query((row, n) -> new ReturnState(row.getObject(1, UUID.class), row.getBoolean(2),
					List.of((UUID[]) row.getArray(3).getArray())))
			.list();
	}

	/**
	 * A return's items and whether they all owe nothing.
	 * @param returnId the return
	 * @param settled whether none of its items owes anything
	 * @param itemIds its items
	 */
	record ReturnState(UUID returnId, boolean settled, List<UUID> itemIds) {

	}

	/** Records each payment's effect on its item, in order (a later one for the same item wins). */
	void paid(List<ItemPayment> payments) {
		this.jdbcTemplate.batchUpdate(
				"UPDATE filing.payable_item SET outstanding = ?, settled_at = ? WHERE id = ?",
				payments.stream()
					.map((payment) -> new Object[] { payment.outstandingAfter(),
							payment.settled() ? Timestamp.from(payment.at()) : null, payment.payableItemId() })
					.toList());
	}

	List<PayableItem> findByReturn(UUID returnId) {
		return this.jdbc.sql("""
				SELECT id, chapter, sub_item, indicator, tax_period, amount, due_date, payment_reference
				FROM filing.payable_item WHERE return_id = ? ORDER BY payment_reference
				""").param(returnId).query(ITEM).list();
	}

}
