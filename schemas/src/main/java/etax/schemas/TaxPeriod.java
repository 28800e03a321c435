package etax.schemas;

import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The period a return declares ({@code KyKKhaiThue}), as written.
 *
 * @param kind {@code kieuKy}: M month, Q quarter, Y year, D per occurrence, K or N free date range
 * @param value {@code kyKKhai} as written, e.g. {@code 1/2026} for Q1 2026 or {@code 03/2026}; may be empty
 * for free date ranges
 * @param from {@code kyKKhaiTuNgay}, or {@code null} when the file leaves it empty
 * @param to {@code kyKKhaiDenNgay}, or {@code null} when the file leaves it empty
 */
public record TaxPeriod(String kind, String value, @Nullable LocalDate from, @Nullable LocalDate to) {

	public TaxPeriod {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(value, "value");
	}

}
