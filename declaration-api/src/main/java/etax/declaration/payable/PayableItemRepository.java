package etax.declaration.payable;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payable items in {@code filing.payable_item}; inserted with their return, never updated. */
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

	List<PayableItem> findByReturn(UUID returnId) {
		return this.jdbc.sql("""
				SELECT id, chapter, sub_item, indicator, tax_period, amount, due_date, payment_reference
				FROM filing.payable_item WHERE return_id = ? ORDER BY payment_reference
				""").param(returnId).query(ITEM).list();
	}

}
