package etax.payment.reference;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers whether a chapter or sub-item code is in force on a day and in which order open items are
 * paid. The tables are small and change rarely: they are read whole and kept in memory, read again
 * when older than {@code etax.payment.reference.refresh} (default one minute).
 */
@Component
public class ReferenceData {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration refresh;

	private volatile @Nullable Snapshot snapshot;

	ReferenceData(JdbcClient jdbc, Clock clock, @Value("${etax.payment.reference.refresh:60s}") Duration refresh) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.refresh = refresh;
	}

	public boolean isKnownChapter(String code, LocalDate day) {
		return current().chapters().getOrDefault(code, List.of()).stream().anyMatch((v) -> v.covers(day));
	}

	public boolean isKnownSubItem(String code, LocalDate day) {
		return current().subItems().getOrDefault(code, List.of()).stream().anyMatch((v) -> v.covers(day));
	}

	/**
	 * The rank of each item class in the allocation order in force on a day (lower is paid first);
	 * a class without a row ranks last.
	 */
	public Map<ItemClass, Integer> allocationOrder(LocalDate day) {
		Map<ItemClass, Integer> ranks = new EnumMap<>(ItemClass.class);
		current().order()
			.stream()
			.filter((row) -> !row.validFrom().isAfter(day))
			.max(Comparator.comparing(OrderRow::validFrom))
			.ifPresent((latest) -> current().order()
				.stream()
				.filter((row) -> row.validFrom().equals(latest.validFrom()))
				.forEach((row) -> ranks.put(row.itemClass(), row.rank())));
		for (ItemClass itemClass : ItemClass.values()) {
			ranks.putIfAbsent(itemClass, Integer.MAX_VALUE);
		}
		return ranks;
	}

	private Snapshot current() {
		Snapshot current = this.snapshot;
		Instant now = this.clock.instant();
		if (current == null || current.loadedAt().plus(this.refresh).isBefore(now)) {
			current = load(now);
			this.snapshot = current;
		}
		return current;
	}

	private Snapshot load(Instant now) {
		return new Snapshot(validity("payment.budget_chapter"), validity("payment.economic_sub_item"),
				this.jdbc.sql("SELECT valid_from, item_class, rank FROM payment.allocation_order")
					.query((row, n) -> new OrderRow(row.getObject(1, LocalDate.class),
							ItemClass.valueOf(row.getString(2)), row.getInt(3)))
					.list(),
				now);
	}

	private Map<String, List<Validity>> validity(String table) {
		return this.jdbc.sql("SELECT code, valid_from, valid_to FROM " + table)
			.query((row, n) -> new Validity(row.getString(1), row.getObject(2, LocalDate.class),
					row.getObject(3, LocalDate.class)))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Validity::code));
	}

	/** The classes of open items the allocation order ranks. */
	public enum ItemClass {

		/** Tax overdue on the day of allocation. */
		ARREARS,
		/** Late-payment interest. */
		INTEREST,
		/** Tax not yet due. */
		CURRENT,
		/** Penalties. */
		PENALTY

	}

	private record Validity(String code, LocalDate validFrom, @Nullable LocalDate validTo) {

		boolean covers(LocalDate day) {
			return !day.isBefore(this.validFrom) && (this.validTo == null || !day.isAfter(this.validTo));
		}

	}

	private record OrderRow(LocalDate validFrom, ItemClass itemClass, int rank) {

	}

	private record Snapshot(Map<String, List<Validity>> chapters, Map<String, List<Validity>> subItems,
			List<OrderRow> order, Instant loadedAt) {

	}

}
