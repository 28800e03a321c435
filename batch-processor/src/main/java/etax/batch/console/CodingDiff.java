package etax.batch.console;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import etax.batch.reconciliation.ReconciledLine;
import etax.batch.reconciliation.workitems.CorrectionRequest;
import org.jspecify.annotations.Nullable;

/**
 * A line's coding as recorded next to the coding a RECODE correction proposes, field by field, changed
 * fields marked: what the approver approves. Chapter, sub-item, area and amount come from the request (as
 * paid, and as corrected); the tax period, treasury and treasury account from the line's leg, which a
 * RECODE leaves as they are.
 */
public final class CodingDiff {

	private CodingDiff() {
	}

	/**
	 * @param paid the coding as paid
	 * @param corrected the coding as proposed (fields not given are as paid)
	 * @param leg the line's leg the request corrects, when known
	 * @param currency the currency of the amounts
	 * @return one row per field
	 */
	public static List<Row> of(CorrectionRequest.Coding paid, CorrectionRequest.Coding corrected,
			ReconciledLine.@Nullable Coding leg, @Nullable String currency) {
		String taxPeriod = (leg != null) ? leg.taxPeriod() : null;
		String treasury = (leg != null) ? leg.treasuryCode() : null;
		String account = (leg != null) ? leg.treasuryAccount() : null;
		return List.of(row("Chapter", paid.chapter(), or(corrected.chapter(), paid.chapter())),
				row("Sub-item", paid.subItem(), or(corrected.subItem(), paid.subItem())),
				row("Area", paid.areaCode(), or(corrected.areaCode(), paid.areaCode())),
				new Row("Amount", amount(paid.amount(), currency),
						amount(or(corrected.amount(), paid.amount()), currency),
						!same(paid.amount(), or(corrected.amount(), paid.amount()))),
				row("Tax period", taxPeriod, taxPeriod), row("Treasury", treasury, treasury),
				row("Treasury account", account, account));
	}

	private static Row row(String field, @Nullable String recorded, @Nullable String proposed) {
		return new Row(field, (recorded != null) ? recorded : "—", (proposed != null) ? proposed : "—",
				!Objects.equals(recorded, proposed));
	}

	private static <T> @Nullable T or(@Nullable T given, @Nullable T otherwise) {
		return (given != null) ? given : otherwise;
	}

	private static boolean same(@Nullable BigDecimal a, @Nullable BigDecimal b) {
		return (a == null) ? b == null : b != null && a.compareTo(b) == 0;
	}

	/** Amounts as the other pages show them ({@link Money}); none as a dash. */
	private static String amount(@Nullable BigDecimal amount, @Nullable String currency) {
		return (amount != null) ? Money.format(amount, currency) : "—";
	}

	/**
	 * @param field which field
	 * @param recorded as recorded
	 * @param proposed as proposed
	 * @param changed whether they differ
	 */
	public record Row(String field, String recorded, String proposed, boolean changed) {

	}

}
