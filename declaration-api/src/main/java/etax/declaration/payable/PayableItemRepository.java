package etax.declaration.payable;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

	/** Every item of the returns that have one of these items, with what it owes now. */
	List<OwedItem> itemsOfReturnsOf(Collection<UUID> itemIds) {
		return this.jdbc.sql("""
				SELECT return_id, id, COALESCE(outstanding, amount) FROM filing.payable_item
				WHERE return_id IN (SELECT return_id FROM filing.payable_item WHERE id = ANY(?))
				""")
			.param(itemIds.toArray(UUID[]::new))
			.query((row, n) -> new OwedItem(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getLong(3)))
			.list();
	}

	/**
	 * A payable item and what it owes.
	 * @param returnId its return
	 * @param itemId the item
	 * @param owed what it still owes: its amount until a payment is seen
	 */
	record OwedItem(UUID returnId, UUID itemId, long owed) {

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

	/** The items of each of these returns that has any, in payment-reference order; one round trip. */
	Map<UUID, List<PayableItem>> findByReturns(Collection<UUID> returnIds) {
		Map<UUID, List<PayableItem>> items = new HashMap<>();
		if (returnIds.isEmpty()) {
			return items;
		}
		this.jdbc.sql("""
				SELECT return_id, id, chapter, sub_item, indicator, tax_period, amount, due_date, payment_reference
				FROM filing.payable_item WHERE return_id = ANY(?) ORDER BY return_id, payment_reference
				""").param(returnIds.toArray(UUID[]::new)).query((row, n) -> {
					items.computeIfAbsent(row.getObject(1, UUID.class), (id) -> new ArrayList<>())
						.add(ITEM.mapRow(row, n));
					return null;
				}).list();
		return items;
	}

	List<PayableItem> findByReturn(UUID returnId) {
		return this.jdbc.sql("""
				SELECT id, chapter, sub_item, indicator, tax_period, amount, due_date, payment_reference
				FROM filing.payable_item WHERE return_id = ? ORDER BY payment_reference
				""").param(returnId).query(ITEM).list();
	}

}
