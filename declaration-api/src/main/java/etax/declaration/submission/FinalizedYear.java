package etax.declaration.submission;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import etax.schemas.Category;
import etax.schemas.Finding;
import etax.schemas.FormCatalog;
import etax.schemas.FormVersion;
import etax.schemas.ReturnDocument;
import etax.schemas.ReturnHeader;
import etax.schemas.Severity;

import static etax.declaration.submission.ContextFindings.finding;

/**
 * R-DUP-4, third bullet (VN-ETAX.md §3.6, Law 38/2019 Art. 47): once a year's finalization is accepted, an
 * error in the year's monthly or quarterly returns of corporate income tax, personal income tax or resource tax
 * (TNDN, TNCN, TAIN) is corrected by supplementing the finalization, not those returns (CTX-DUP-09).
 *
 * <p>The finalization of a form is the catalog's: a form of the same tax type the catalog marks a finalization, filed
 * for a calendar year ({@link FormVersion#finalization}); where the tax type has several,
 * the one of the same form number, as Circular 80 numbers each filer's pair (05/KK-TNCN and 05/QTT-TNCN of an
 * employer, 02/KK-TNCN and 02/QTT-TNCN of an individual). So 01/TAIN is finalized by 02/TAIN, and forms no
 * finalization sums up (06/TNCN, 01/XSBHĐC, households' returns) have none. Only a calendar year's finalization
 * (Y) is looked up: a fiscal year's chain is named by its bounds, which a month does not tell.
 */
final class FinalizedYear {

	private static final Set<String> TAX_TYPES = Set.of("TNDN", "TNCN", "TAIN");

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	/** Finalization form code by form code; the catalog does not change while the application runs. */
	private static final Map<String, Optional<String>> FINALIZATIONS = new ConcurrentHashMap<>();

	private FinalizedYear() {
	}

	/**
	 * @param form a form version
	 * @return the form code of the finalization of its monthly and quarterly returns, if the rule covers them
	 */
	static Optional<String> finalizationOf(FormVersion form) {
		return FINALIZATIONS.computeIfAbsent(form.formCode(), (code) -> find(form));
	}

	/**
	 * The chains the rule reads, which the filing locks with the return's own ({@link ReturnFiling#file}): a
	 * supplement and its year's finalization filed at the same moment, on two replicas, are decided one after the
	 * other, so the supplement is not accepted beside a finalization it did not see.
	 * @param document the return
	 * @return the chain key of the finalization of its year, for a supplement of a month or quarter the rule
	 * covers; none otherwise
	 */
	static List<String> keys(ReturnDocument document) {
		return key(document).map(List::of).orElse(List.of());
	}

	/**
	 * @param document the return
	 * @param accepted the accepted returns of a chain, by chain key (of those {@link #keys} names)
	 * @return CTX-DUP-09 if the year's finalization is accepted
	 */
	static Optional<Finding> check(ReturnDocument document, Function<String, List<ReturnChains.Member>> accepted) {
		return key(document).flatMap((key) -> ReturnChains.current(accepted.apply(key))).map((finalization) -> {
			ReturnHeader header = document.header();
			String form = finalizationOf(document.form()).orElseThrow();
			String year = year(header.period().value());
			String code = finalization.transactionCode();
			return finding("CTX-DUP-09", Category.DUPLICATE_CONDITION, Severity.REJECT, ContextFindings.FILING_TYPE, code,
					"Tờ khai quyết toán năm " + year + " (mẫu " + form + ") đã được chấp nhận (mã giao dịch " + code
							+ "): không khai bổ sung tờ khai tháng, quý của năm này.",
					"The " + year + " finalization (form " + form + ") is already accepted (transaction code " + code
							+ "): the year's monthly and quarterly returns are no longer supplemented.",
					"Khai bổ sung tờ khai quyết toán " + form + " năm " + year + " (mã giao dịch " + code + ").",
					"Supplement the " + year + " finalization " + form + " (transaction code " + code + ") instead.");
		});
	}

	private static Optional<String> key(ReturnDocument document) {
		ReturnHeader header = document.header();
		String kind = header.period().kind();
		if (!"B".equals(header.filingType()) || !("M".equals(kind) || "Q".equals(kind))) {
			return Optional.empty();
		}
		String year = year(header.period().value());
		if (!YEAR.matcher(year).matches()) {
			return Optional.empty();
		}
		// a finalization has no activity or dependent unit in its chain (FinalizedYearTests)
		return finalizationOf(document.form()).map((form) -> String.join("|", header.mst(), form, "Y", year, "", ""));
	}

	private static String year(String period) {
		return period.substring(period.indexOf('/') + 1);
	}

	private static Optional<String> find(FormVersion form) {
		if (!TAX_TYPES.contains(form.taxType())) {
			return Optional.empty();
		}
		List<String> finalizations = FormCatalog.load()
			.versions()
			.stream()
			.filter((other) -> other.taxType().equals(form.taxType()) && isFinalization(other))
			.map(FormVersion::formCode)
			.distinct()
			.toList();
		if (finalizations.size() == 1) {
			return Optional.of(finalizations.get(0));
		}
		String number = number(form.formCode());
		return finalizations.stream().filter((code) -> number(code).equals(number)).findFirst();
	}

	private static boolean isFinalization(FormVersion form) {
		return form.finalization() && form.periodKinds().contains("Y");
	}

	private static String number(String formCode) {
		return formCode.substring(0, Math.max(0, formCode.indexOf('/')));
	}

}
