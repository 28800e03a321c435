package etax.declaration.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Which days are working days: Monday to Friday except public holidays. Immutable. */
public final class HolidayCalendar {

	private final Set<LocalDate> holidays;

	public HolidayCalendar(Set<LocalDate> holidays) {
		this.holidays = Set.copyOf(holidays);
	}

	public boolean isWorkingDay(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
				&& !this.holidays.contains(day);
	}

	/** The day itself if it is a working day, else the next one. */
	public LocalDate onOrAfter(LocalDate day) {
		LocalDate result = day;
		while (!isWorkingDay(result)) {
			result = result.plusDays(1);
		}
		return result;
	}

}
