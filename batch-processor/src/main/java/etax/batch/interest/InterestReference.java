package etax.batch.interest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reference data of an assessment, effective-dated and owned by this service: the daily rate
 * ({@code batch.interest_rate}) and the interest sub-item of each tax sub-item
 * ({@code batch.interest_sub_item}). A row is in force from its day until the next row of its key.
 *
 * @param dailyRates rate by the day it takes effect
 * @param subItems by tax sub-item, the interest sub-item by the day it takes effect
 */
record InterestReference(NavigableMap<LocalDate, BigDecimal> dailyRates,
		Map<String, NavigableMap<LocalDate, InterestSubItem>> subItems) {

	/**
	 * Where interest on a tax sub-item is booked and reported.
	 * @param code the interest sub-item (NDKT), e.g. 4931
	 * @param taxType the tax type it is reported by, e.g. {@code GTGT}
	 */
	record InterestSubItem(String code, String taxType) {
	}

	static InterestReference load(JdbcClient jdbc) {
		NavigableMap<LocalDate, BigDecimal> rates = new TreeMap<>();
		jdbc.sql("SELECT valid_from, daily_rate FROM batch.interest_rate")
			.query((rs) -> {
				rates.put(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2));
			});
		Map<String, NavigableMap<LocalDate, InterestSubItem>> subItems = new HashMap<>();
		jdbc.sql("SELECT tax_sub_item, valid_from, interest_sub_item, tax_type FROM batch.interest_sub_item")
			.query((rs) -> {
				subItems.computeIfAbsent(rs.getString(1), (key) -> new TreeMap<>())
					.put(rs.getObject(2, LocalDate.class), new InterestSubItem(rs.getString(3), rs.getString(4)));
			});
		return new InterestReference(rates, subItems);
	}

	/**
	 * The rate in force on a day.
	 * @param day the day
	 * @return the daily rate, or {@code null} before the first one
	 */
	@Nullable BigDecimal rateOn(LocalDate day) {
		Map.Entry<LocalDate, BigDecimal> rate = this.dailyRates.floorEntry(day);
		return (rate != null) ? rate.getValue() : null;
	}

	/** @return the day the first rate takes effect, or {@code null} when there is none */
	@Nullable LocalDate firstRateDay() {
		return this.dailyRates.isEmpty() ? null : this.dailyRates.firstKey();
	}

	/**
	 * The days within a span on which another rate takes effect.
	 * @param after the span's start, not included
	 * @param through its end, included
	 * @return the days, in order
	 */
	NavigableSet<LocalDate> rateChanges(LocalDate after, LocalDate through) {
		return this.dailyRates.subMap(after, false, through, true).navigableKeySet();
	}

	/**
	 * Where interest on a tax sub-item is booked on a day.
	 * @param taxSubItem the tax sub-item
	 * @param day the day assessed
	 * @return the interest sub-item, or {@code null} when none is in force
	 */
	@Nullable InterestSubItem interestSubItem(String taxSubItem, LocalDate day) {
		NavigableMap<LocalDate, InterestSubItem> byDay = this.subItems.get(taxSubItem);
		Map.Entry<LocalDate, InterestSubItem> entry = (byDay != null) ? byDay.floorEntry(day) : null;
		return (entry != null) ? entry.getValue() : null;
	}

}
