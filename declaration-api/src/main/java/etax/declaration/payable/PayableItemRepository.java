package etax.declaration.payable;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payable items in {@code filing.payable_item}; inserted with their return, never updated. */
@Repository
class PayableItemRepository {

	private final JdbcClient jdbc;

	PayableItemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID returnId, String mst, PayableItem item, Instant createdAt) {
		this.jdbc.sql("""
				INSERT INTO filing.payable_item (id, return_id, mst, chapter, sub_item, indicator, tax_period, amount,
				    due_date, payment_reference, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(item.id(), returnId, mst, item.chapter(), item.subItem(), item.indicator(), item.taxPeriod(),
					item.amount(), item.dueDate(), item.paymentReference(), Timestamp.from(createdAt))
			.update();
	}

	List<PayableItem> findByReturn(UUID returnId) {
		return this.jdbc.sql("""
				SELECT id, chapter, sub_item, indicator, tax_period, amount, due_date, payment_reference
				FROM filing.payable_item WHERE return_id = ? ORDER BY payment_reference
				""").param(returnId).query(PayableItem.class).list();
	}

}
