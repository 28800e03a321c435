package etax.batch.console.taxpayers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import etax.batch.console.Money;
import org.jspecify.annotations.Nullable;

/**
 * The tax a conclusion assessed, as the officer types it on the taxpayer's page: one item per line (or separated by
 * semicolons), each the form's id in the XML, the period kind, the period, the budget sub-item and the amount in VND,
 * e.g. {@code 842 Q 1/2026 1701 40000000}, then the fine decided for it, if any: {@code understatement} (20 % of the
 * tax) or {@code evasion} and its multiple of the tax ({@code evasion 1.5}; once the tax if none). The console checks
 * only the shape; whether the form, period and sub-item fit the inspection is declaration-api's to say.
 *
 * @param items the items, each as typed (its parts separated by single spaces)
 */
record AssessedTaxLines(List<String> items) {

	/** At most what declaration-api takes in one conclusion. */
	static final int MAX_ITEMS = 100;

	private static final Pattern ITEM = Pattern
		.compile("\\d{1,5} [A-Z] [^\\s;]{1,21} \\d{4} [1-9]\\d{0,17}( UNDERSTATEMENT| EVASION( [1-3](\\.5)?)?)?");

	static AssessedTaxLines of(@Nullable String typed) {
		if (typed == null) {
			return new AssessedTaxLines(List.of());
		}
		return new AssessedTaxLines(Arrays.stream(typed.split("[;\\r\\n]+"))
			.map((line) -> line.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT))
			.filter((line) -> !line.isEmpty())
			.toList());
	}

	/** @return what is wrong with it, in words; empty when it can be sent */
	List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (this.items.size() > MAX_ITEMS) {
			problems.add("A conclusion assesses at most " + MAX_ITEMS + " items of tax.");
		}
		for (int i = 0; i < this.items.size(); i++) {
			if (!ITEM.matcher(this.items.get(i)).matches()) {
				problems.add("Tax assessed, line " + (i + 1) + ": write the form's id, the period kind, the period, the "
						+ "sub-item and the amount in VND, such as 842 Q 1/2026 1701 40000000, then the fine if one was "
						+ "decided: understatement, or evasion and its multiple of the tax (1, 1.5, 2, 2.5 or 3).");
			}
		}
		return problems;
	}

	/** @return the items as declaration-api takes them; only when there are no {@link #problems} */
	List<Map<String, Object>> request() {
		return this.items.stream().map((item) -> {
			String[] parts = item.split(" ");
			Map<String, Object> request = new LinkedHashMap<>(Map.of("maTKhai", parts[0], "periodKind", parts[1],
					"period", parts[2], "subItem", parts[3], "amount", Long.parseLong(parts[4])));
			if (parts.length > 5) {
				request.put("fine", (parts.length > 6) ? Map.of("violation", parts[5], "rate", new BigDecimal(parts[6]))
						: Map.of("violation", parts[5]));
			}
			return request;
		}).toList();
	}

	/** @return the items in one line, as the confirmation sends them back */
	String text() {
		return String.join("; ", this.items);
	}

	/** @return each item in words, for the confirmation */
	List<String> words() {
		return this.items.stream().map((item) -> {
			String[] parts = item.split(" ");
			String fine = switch (parts.length) {
				case 5 -> ", no fine";
				case 6 -> "UNDERSTATEMENT".equals(parts[5]) ? ", fined 20 % of it for understating it"
						: ", fined once the tax for evading it";
				default -> ", fined " + parts[6] + " times the tax for evading it";
			};
			return String.format("form %s, period %s %s, sub-item %s: %s%s", parts[0], parts[1], parts[2], parts[3],
					Money.format(Long.parseLong(parts[4]), "VND"), fine);
		}).toList();
	}

}
