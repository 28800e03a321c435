package etax.declaration.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Which days are working days: Monday to Friday except public holidays. Immutable.
 *
 * <p>A year whose days off the government has published (Tết and Hùng Kings' day follow the lunar calendar,
 * substitute days and the day next to 2 September are decided each year) is <em>covered</em>: its days are the
 * data. For any other year the calendar is an explicit approximation ({@link #covers(int)} is false): the
 * fixed-date public holidays of the Labour Code (1 January, 30 April, 1 May, 2 September and, from 2021, the
 * day next to it), each one that falls on a weekend followed by a substitute working day off, and the days of
 * that year already in the data (a plan not yet confirmed, Tết's most often); lunar holidays not in it count as
 * working days.
 */
public final class HolidayCalendar {

	private final Set<LocalDate> holidays;

	private final @Nullable Set<Integer> publishedYears;

	private final Map<Integer, Set<LocalDate>> statutory = new ConcurrentHashMap<>();

	/**
	 * A calendar whose holidays are exactly these, in every year (no approximation).
	 * @param holidays the days off that are not weekends
	 */
	public HolidayCalendar(Set<LocalDate> holidays) {
		this(holidays, null);
	}

	private HolidayCalendar(Set<LocalDate> holidays, @Nullable Set<Integer> publishedYears) {
		this.holidays = Set.copyOf(holidays);
		this.publishedYears = (publishedYears != null) ? Set.copyOf(publishedYears) : null;
	}

	/**
	 * The calendar of published years, approximated in the others.
	 * @param holidays the published days off
	 * @param publishedYears the years whose days off are all in {@code holidays}
	 * @return the calendar
	 */
	public static HolidayCalendar published(Set<LocalDate> holidays, Set<Integer> publishedYears) {
		return new HolidayCalendar(holidays, publishedYears);
	}

	/** Whether the days off of a year are published data rather than the statutory approximation. */
	public boolean covers(int year) {
		return this.publishedYears == null || this.publishedYears.contains(year);
	}

	public boolean isWorkingDay(LocalDate day) {
		if (weekend(day)) {
			return false;
		}
		return covers(day.getYear()) ? !this.holidays.contains(day)
				: !this.statutory.computeIfAbsent(day.getYear(), this::approximateDaysOff).contains(day);
	}

	/** The day itself if it is a working day, else the next one. */
	public LocalDate onOrAfter(LocalDate day) {
		LocalDate result = day;
		while (!isWorkingDay(result)) {
			result = result.plusDays(1);
		}
		return result;
	}

	private Set<LocalDate> approximateDaysOff(int year) {
		Set<LocalDate> off = new TreeSet<>(statutoryDaysOff(year));
		this.holidays.stream().filter((holiday) -> holiday.getYear() == year).forEach(off::add);
		return Set.copyOf(off);
	}

	/**
	 * The fixed-date public holidays of a year (Labour Code 2012 Art. 115, 2019 Art. 112) with a substitute
	 * day for each that falls on a weekend (the next working day that is not already off). From 2021 the day
	 * next to 2 September is decided each year; the approximation takes the one that joins a weekend or the
	 * day before it.
	 */
	static Set<LocalDate> statutoryDaysOff(int year) {
		List<LocalDate> fixed = new ArrayList<>(List.of(LocalDate.of(year, Month.JANUARY, 1),
				LocalDate.of(year, Month.APRIL, 30), LocalDate.of(year, Month.MAY, 1)));
		LocalDate national = LocalDate.of(year, Month.SEPTEMBER, 2);
		if (year >= 2021) {
			DayOfWeek weekday = national.getDayOfWeek();
			boolean after = weekday == DayOfWeek.MONDAY || weekday == DayOfWeek.THURSDAY || weekday == DayOfWeek.SUNDAY;
			fixed.add(after ? national : national.minusDays(1));
			fixed.add(after ? national.plusDays(1) : national);
		}
		else {
			fixed.add(national);
		}
		Set<LocalDate> off = new TreeSet<>(fixed);
		for (LocalDate holiday : fixed) {
			if (weekend(holiday)) {
				LocalDate substitute = holiday.plusDays(1);
				while (weekend(substitute) || off.contains(substitute)) {
					substitute = substitute.plusDays(1);
				}
				off.add(substitute);
			}
		}
		return Set.copyOf(off);
	}

	private static boolean weekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

}
