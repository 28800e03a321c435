package etax.declaration.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import etax.declaration.calendar.PenaltyBand;
import etax.declaration.calendar.DeadlineRule;
import etax.declaration.calendar.Deadlines;
import etax.declaration.extension.DeadlineExtensions;
import etax.declaration.extension.ExtendedDeadline;
import etax.declaration.payable.PayableItems;
import etax.declaration.taxpayer.Taxpayer;
import etax.schemas.Category;
import etax.schemas.Finding;
import etax.schemas.LocalizedText;
import etax.schemas.ReturnDocument;
import etax.schemas.Severity;
import etax.schemas.TaxPeriod;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import static etax.declaration.submission.ContextFindings.finding;

/**
 * The context rules of a return's deadline (VN-ETAX.md §3.5), or of the extension of it in force
 * ({@link DeadlineExtensions}), for a period that passed the {@link PeriodRules}: a late filing, and the windows in
 * which a supplement or a replacement may be filed.
 */
@Component
class DeadlineRules {

	/** {@code loaiTKhai} of a supplement, which is never a late filing (R-DUP-4). */
	static final String SUPPLEMENTARY = "B";

	/** {@code loaiTKhai} of a replacement, which is filed by the deadline or not at all (R-DUP-5). */
	private static final String REPLACEMENT = "T";

	/** R-DUP-4: supplements within ten years of the original deadline. */
	private static final int SUPPLEMENT_YEARS = 10;

	private final Deadlines deadlines;

	private final DeadlineExtensions extensions;

	DeadlineRules(Deadlines deadlines, DeadlineExtensions extensions) {
		this.deadlines = deadlines;
		this.extensions = extensions;
	}

	/**
	 * A late filing (R-DL-5) by the form's own deadline rule for the period kind ({@link DeadlineRule}).
	 * A supplement is not a late filing: it may come up to ten years after the deadline (R-DUP-4, CTX-DUP-06
	 * after that), and what it adds to the tax bears late-payment interest from the original deadline (its
	 * payable items are due then), not a filing penalty. An extension in force at the postmark for the return's
	 * form and period replaces the deadline of the rule (R-DL-6, ADR 0021): the days late count from it, and the
	 * return's payable items are due on it.
	 * @param document the return
	 * @param rule the form's deadline rule for the period kind
	 * @param receivedAt the postmark
	 * @param filedOn the day of the postmark, in Vietnam
	 * @param taxpayer the registered taxpayer
	 * @param findings where the findings go, those so far included
	 * @return the extension the return is held to, if any
	 */
	@Nullable ExtendedDeadline check(ReturnDocument document, DeadlineRule rule, Instant receivedAt, LocalDate filedOn,
			Taxpayer taxpayer, List<Finding> findings) {
		TaxPeriod period = document.header().period();
		// an extension is the taxpayer's record too: not read for a return the signature refused
		ExtendedDeadline extension = (taxpayer.deadlinesExtended() && !ContextFindings.signatureRefused(findings))
				? this.extensions.inForce(taxpayer.mst(), document.form().maTKhai(), period, receivedAt).orElse(null)
				: null;
		LocalDate deadline = (extension != null) ? extension.deadline() : this.deadlines.deadlineOf(period, rule);
		if (SUPPLEMENTARY.equals(document.header().filingType())) {
			checkSupplementWindow(document, deadline, filedOn, findings);
			return extension;
		}
		if (REPLACEMENT.equals(document.header().filingType())) {
			checkReplacementWindow(document, deadline, filedOn, findings);
			return extension;
		}
		long daysLate = Deadlines.daysLate(deadline, receivedAt);
		if (daysLate > 0) {
			boolean approximate = (extension != null) ? this.deadlines.approximate(extension.deadline())
					: this.deadlines.approximate(period, rule);
			LocalizedText late = LateFiling.message(daysLate, deadline, extension != null, approximate,
					PenaltyBand.of(daysLate, taxPayable(document), taxpayer.isIndividual()));
			findings.add(finding("CTX-DL-01", Category.NOT_ON_TIME, Severity.WARNING, ContextFindings.PERIOD,
					period.value(), late.vi(), late.en(),
					"Nộp tiền chậm nộp 0,03%/ngày cho số thuế nộp chậm.",
					"Late-payment interest of 0.03% a day runs on tax paid late."));
		}
		return extension;
	}

	/**
	 * R-DUP-5: a replacement (T) takes the place of the original while the period's return may still be filed on
	 * time, up to its deadline (an extended one if granted); after it an error is corrected by a supplement (B),
	 * whose rules (the ten years, the inspections, the finalized year) a late replacement would otherwise escape.
	 */
	private static void checkReplacementWindow(ReturnDocument document, LocalDate deadline, LocalDate filedOn,
			List<Finding> findings) {
		if (filedOn.isAfter(deadline)) {
			findings.add(finding("CTX-DUP-12", Category.NOT_ON_TIME, Severity.REJECT, ContextFindings.FILING_TYPE,
					document.header().filingType(),
					"Đã quá hạn nộp hồ sơ khai thuế của kỳ (" + deadline + "): không nộp hồ sơ khai thay thế.",
					"The period's filing deadline (" + deadline + ") has passed: no replacement may be filed.",
					"Khai bổ sung (loaiTKhai = B) để điều chỉnh hồ sơ đã nộp.",
					"File a supplement (loaiTKhai = B) to correct the return filed."));
		}
	}

	/**
	 * R-DUP-4: a supplement may be filed within ten years of the original deadline (Law 38/2019 Art. 47); the
	 * tax of a period that old can no longer be declared anew.
	 */
	private static void checkSupplementWindow(ReturnDocument document, LocalDate deadline, LocalDate filedOn,
			List<Finding> findings) {
		LocalDate lastDay = deadline.plusYears(SUPPLEMENT_YEARS);
		if (filedOn.isAfter(lastDay)) {
			findings.add(finding("CTX-DUP-06", Category.NOT_ON_TIME, Severity.REJECT, ContextFindings.FILING_TYPE,
					document.header().filingType(),
					"Đã quá thời hạn 10 năm kể từ hạn nộp hồ sơ khai thuế của kỳ (" + deadline
							+ "): không được khai bổ sung sau ngày " + lastDay + ".",
					"More than 10 years have passed since the period's filing deadline (" + deadline
							+ "): no supplement may be filed after " + lastDay + ".",
					"Liên hệ cơ quan thuế quản lý về sai sót của kỳ tính thuế này.",
					"Contact the managing tax office about the error in this period."));
		}
	}

	/**
	 * Whether any indicator the form declares payable leaves an amount owed, less the part of it the law forgives
	 * (R-DL-5, over 90 days): as the payable items are booked.
	 */
	private static boolean taxPayable(ReturnDocument document) {
		return document.form().payableIndicators().keySet().stream().anyMatch((indicator) -> {
			try {
				return PayableItems.difference(indicator, document.form().forgivenIndicators(), document.indicators(),
						Map.of()) > 0;
			}
			catch (NumberFormatException ex) {
				return false;
			}
		});
	}

}
