package etax.declaration.submission;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

import etax.declaration.calendar.DeadlineRule;
import etax.declaration.calendar.Deadlines;
import etax.declaration.extension.DeadlineExtensions;
import etax.declaration.extension.ExtendedDeadline;
import etax.declaration.inspection.TaxInspection;
import etax.declaration.inspection.TaxInspections;
import etax.declaration.signature.EnvelopeCapture;
import etax.declaration.signature.SignatureContext;
import etax.declaration.signature.SignatureVerification;
import etax.declaration.taxpayer.Taxpayer;
import etax.declaration.taxpayer.TaxpayerRegistry;
import etax.ids.TaxpayerId;
import etax.schemas.Category;
import etax.schemas.Finding;
import etax.schemas.LocalizedText;
import etax.schemas.ReturnDocument;
import etax.schemas.ReturnHeader;
import etax.schemas.Severity;
import etax.schemas.TaxPeriod;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import static etax.declaration.submission.ContextFindings.finding;

/**
 * The context rules that need no other return (VN-ETAX.md §3.2–§3.5): the MST, the taxpayer's
 * registration and managing tax office, the signature, the agent's contract, the dependent unit
 * ({@link DependentUnit}), the period (a calendar year declared as a year, {@link DateRanges}), and the deadline, or the
 * extension of it in force ({@link DeadlineExtensions}). They run after the XSD and form rules; the rules of the
 * return's chain (originals and supplements) run in the filing transaction ({@link ReturnChains}).
 */
@Component
class ContextRules {

	private static final Pattern MONTH = Pattern.compile("(0[1-9]|1[0-2])/\\d{4}");

	private static final Pattern QUARTER = Pattern.compile("[1-4]/\\d{4}");

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	/** Strict: 31/02 is no day (the default, smart resolver would read 28/02). */
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	/** {@code loaiTKhai} of a supplement, which is never a late filing (R-DUP-4). */
	private static final String SUPPLEMENTARY = "B";

	/** {@code loaiTKhai} of a replacement, which is filed by the deadline or not at all (R-DUP-5). */
	private static final String REPLACEMENT = "T";

	/** R-DUP-4: supplements within ten years of the original deadline. */
	private static final int SUPPLEMENT_YEARS = 10;

	private final TaxpayerRegistry registry;

	private final Deadlines deadlines;

	private final SignatureVerification signatures;

	private final DeadlineExtensions extensions;

	private final TaxInspections inspections;

	private final PaidOnAccount paidOnAccount;

	ContextRules(TaxpayerRegistry registry, Deadlines deadlines, SignatureVerification signatures,
			DeadlineExtensions extensions, TaxInspections inspections, PaidOnAccount paidOnAccount) {
		this.registry = registry;
		this.deadlines = deadlines;
		this.signatures = signatures;
		this.extensions = extensions;
		this.inspections = inspections;
		this.paidOnAccount = paidOnAccount;
	}

	/**
	 * Checks a schema-valid return as received at a moment. When the signature refuses it, the rules that read the
	 * taxpayer's records (its managing office, extensions, the ledger, inspections) do not run
	 * ({@link ContextFindings#signatureRefused}).
	 * @param document the return
	 * @param envelope what the validating parse captured for the signature check
	 * @param receivedAt the postmark
	 * @return the findings, the registered taxpayer when there is one, the extension of the deadline the
	 * return is held to, if any, and the inspections a supplement's period is under
	 */
	Checked check(ReturnDocument document, EnvelopeCapture envelope, Instant receivedAt) {
		ReturnHeader header = document.header();
		List<Finding> findings = new ArrayList<>();
		if (!TaxpayerId.isValid(header.mst())) {
			findings.add(finding("CTX-MST-01", Category.INCORRECT_DATA, Severity.REJECT_AND_STOP, ContextFindings.MST,
					header.mst(), "Mã số thuế không hợp lệ (sai định dạng hoặc chữ số kiểm tra).",
					"The MST is not valid: wrong format or check digit.",
					"Kiểm tra lại mã số thuế của người nộp thuế.", "Check the taxpayer's MST as registered."));
			return new Checked(findings, Optional.empty(), null, List.of());
		}
		Optional<Taxpayer> taxpayer = this.registry.find(header.mst());
		taxpayer.ifPresentOrElse((registered) -> checkRegistration(registered, findings),
				() -> findings.add(finding("CTX-ID-01", Category.DATA_MISMATCH, Severity.REJECT_AND_STOP,
						ContextFindings.MST, header.mst(), "Mã số thuế chưa được đăng ký với cơ quan thuế.",
						"No taxpayer is registered under this MST.",
						"Đăng ký thuế trước khi nộp tờ khai, hoặc kiểm tra lại mã số thuế.",
						"Register with the tax office before filing, or correct the MST.")));
		if (rejectedToStop(findings)) {
			return new Checked(findings, taxpayer, null, List.of());
		}
		LocalDate filedOn = receivedAt.atZone(Deadlines.VIETNAM).toLocalDate();
		findings.addAll(this.signatures.verify(envelope, document.xml(), SignatureContext.of(header, filedOn,
				(agent, client) -> this.registry.mayFileFor(agent, client, filedOn))));
		checkAgent(header, receivedAt, findings);
		DependentUnit.check(document).ifPresent(findings::add);
		ExtendedDeadline extension = checkPeriod(document, receivedAt, taxpayer.orElseThrow(), findings);
		if (ContextFindings.signatureRefused(findings)) {
			// the registry's office, the ledger and the inspections are the taxpayer's records
			return new Checked(findings, taxpayer, extension, List.of());
		}
		checkOffice(header, taxpayer.orElseThrow(), findings);
		findings.addAll(this.paidOnAccount.check(document, receivedAt));
		return new Checked(findings, taxpayer, extension, inspections(document, taxpayer.orElseThrow(), receivedAt));
	}

	/**
	 * The inspections at the taxpayer's premises a supplement's period is under at its postmark (R-DUP-4),
	 * judged with the return in force by {@link InspectedPeriod}. Read only for a taxpayer ever inspected
	 * ({@link Taxpayer#inspected}), so that no other filing pays a round trip for them.
	 */
	private List<TaxInspection> inspections(ReturnDocument document, Taxpayer taxpayer, Instant receivedAt) {
		TaxPeriod period = document.header().period();
		if (!taxpayer.inspected() || !SUPPLEMENTARY.equals(document.header().filingType()) || !wellFormed(period)) {
			return List.of();
		}
		return this.inspections.on(receivedAt, taxpayer.mst(), document.form().taxType(), period);
	}

	private static void checkRegistration(Taxpayer taxpayer, List<Finding> findings) {
		if (!taxpayer.isActive()) {
			findings.add(finding("CTX-ID-02", Category.DATA_MISMATCH, Severity.REJECT_AND_STOP, ContextFindings.MST,
					taxpayer.mst(), "Người nộp thuế không ở trạng thái hoạt động (" + taxpayer.status() + ").",
					"The taxpayer is not active (" + taxpayer.status() + ").",
					"Liên hệ cơ quan thuế quản lý để khôi phục trạng thái mã số thuế.",
					"Contact the managing tax office to restore the registration."));
		}
		else if (!taxpayer.eFiling()) {
			findings.add(finding("CTX-ID-03", Category.DATA_MISMATCH, Severity.REJECT_AND_STOP, ContextFindings.MST,
					taxpayer.mst(), "Người nộp thuế chưa đăng ký khai thuế điện tử.",
					"The taxpayer is not enrolled for electronic filing.",
					"Đăng ký giao dịch điện tử với cơ quan thuế trước khi nộp.",
					"Enrol for electronic filing with the tax office first."));
		}
	}

	/**
	 * The return names the tax office it is filed with ({@code maCQTNoiNop}), which should be the office that
	 * manages the taxpayer (R-ID-3). Another office is legitimate for allocated or out-of-province obligations,
	 * which the registry does not record, hence a warning, not a rejection. Officers of the managing office see
	 * the return either way ({@link ReturnScope}), so what the filer writes here never hides it from them.
	 */
	private static void checkOffice(ReturnHeader header, Taxpayer taxpayer, List<Finding> findings) {
		if (!header.taxOfficeCode().equals(taxpayer.taxOfficeCode())) {
			findings.add(finding("CTX-ID-05", Category.DATA_MISMATCH, Severity.WARNING, ContextFindings.TAX_OFFICE,
					header.taxOfficeCode(),
					"Cơ quan thuế nơi nộp (" + header.taxOfficeCode() + ") không phải cơ quan thuế quản lý người nộp thuế ("
							+ taxpayer.taxOfficeCode() + ").",
					"The tax office filed with (" + header.taxOfficeCode()
							+ ") is not the office that manages the taxpayer (" + taxpayer.taxOfficeCode() + ").",
					"Khai mã cơ quan thuế quản lý, trừ khi nghĩa vụ được phân bổ hoặc khai tại cơ quan thuế nơi phát sinh "
							+ "ngoài tỉnh.",
					"Write the managing office's code, unless the obligation is allocated or declared to the receiving "
							+ "office of another province."));
		}
	}

	/** A return prepared by a tax agent needs the agent's contract with the taxpayer (R-ID-2). */
	private void checkAgent(ReturnHeader header, Instant receivedAt, List<Finding> findings) {
		String agent = header.agentMst();
		if (agent == null || agent.isBlank()) {
			return;
		}
		LocalDate filedOn = receivedAt.atZone(Deadlines.VIETNAM).toLocalDate();
		if (!TaxpayerId.isValid(agent) || !this.registry.mayFileFor(agent, header.mst(), filedOn)) {
			findings.add(finding("CTX-ID-04", Category.DATA_MISMATCH, Severity.REJECT, ContextFindings.AGENT, agent,
					"Đại lý thuế không có hợp đồng dịch vụ còn hiệu lực với người nộp thuế.",
					"The tax agent has no contract in force to file for this taxpayer.",
					"Thông báo hợp đồng dịch vụ với đại lý thuế cho cơ quan thuế, hoặc để người nộp thuế tự nộp.",
					"Notify the tax office of the agent contract, or let the taxpayer file itself."));
		}
	}

	/**
	 * The period's kind (one the form takes, CTX-PER-04), form and end, the registered frequency, and a late filing (R-DL-5) by the form's own
	 * deadline rule for the period kind ({@link DeadlineRule}). A return due before its period ends (an advance
	 * declaration, e.g. a lump-sum household's year due on 15 December before it) may be filed before the end.
	 * A supplement is not a late filing: it may come up to ten years after the deadline (R-DUP-4, CTX-DUP-06
	 * after that), and what it adds to the tax bears late-payment interest from the original deadline (its
	 * payable items are due then), not a filing penalty. An extension in force at the postmark for the return's
	 * form and period replaces the deadline of the rule (R-DL-6, ADR 0021): the days late count from it, and the
	 * return's payable items are due on it.
	 * @return the extension the return is held to, if any
	 */
	private @Nullable ExtendedDeadline checkPeriod(ReturnDocument document, Instant receivedAt, Taxpayer taxpayer,
			List<Finding> findings) {
		TaxPeriod period = document.header().period();
		if (!document.form().periodKinds().contains(period.kind())) {
			findings.add(kindNotOfTheForm(document, period));
			return null;
		}
		if (!wellFormed(period)) {
			findings.add(finding("CTX-PER-01", Category.INCORRECT_DATA, Severity.REJECT, ContextFindings.PERIOD,
					period.value(), "Kỳ tính thuế không đúng định dạng của loại kỳ " + period.kind() + " hoặc không khớp từ ngày/đến ngày.",
					"The tax period does not match the format of kind " + period.kind() + " or its from/to dates.",
					"Khai kỳ theo định dạng: tháng MM/yyyy, quý q/yyyy, năm yyyy (01/01–31/12), lần phát sinh dd/MM/yyyy "
							+ "(từ ngày, đến ngày là chính ngày đó).",
					"Write the period as MM/yyyy (month), q/yyyy (quarter), yyyy (year, 01/01 to 31/12) or dd/MM/yyyy "
							+ "(occurrence, from and to that day)."));
			return null;
		}
		Optional<Finding> calendarYear = DateRanges.calendarYear(document);
		if (calendarYear.isPresent()) {
			findings.add(calendarYear.get());
			return null;
		}
		LocalDate filedOn = receivedAt.atZone(Deadlines.VIETNAM).toLocalDate();
		LocalDate end = Deadlines.periodEnd(period);
		DeadlineRule rule = Deadlines.ruleOf(document.form(), period.kind());
		boolean occurrence = "D".equals(period.kind());
		boolean ended = occurrence ? !end.isAfter(filedOn) : end.isBefore(filedOn);
		if (!ended && !rule.dueBeforeTheEnd(period)) {
			findings.add(finding("CTX-PER-02", Category.INCORRECT_DATA, Severity.REJECT, ContextFindings.PERIOD,
					period.value(), "Kỳ tính thuế chưa kết thúc tại thời điểm nộp.", "The tax period has not ended yet.",
					"Nộp tờ khai sau khi kỳ tính thuế kết thúc.", "File the return once the tax period has ended."));
			return null;
		}
		if (!ended && rule.lastDay(period).isAfter(filedOn.plusYears(1))) {
			// an advance declaration (a household's lump sum by 15 December for the next year) is for the coming
			// period, not for any year ahead
			findings.add(finding("CTX-PER-02", Category.INCORRECT_DATA, Severity.REJECT, ContextFindings.PERIOD,
					period.value(), "Kỳ tính thuế quá xa: tờ khai nộp trước chỉ cho kỳ có hạn nộp trong vòng một năm tới.",
					"The tax period is too far ahead: an advance declaration is for a period due within the coming year.",
					"Khai cho kỳ tính thuế sắp tới.", "Declare the coming tax period."));
			return null;
		}
		if (document.form().periodKinds().containsAll(List.of("M", "Q")) && List.of("M", "Q").contains(period.kind())) {
			checkFrequency(period, end, taxpayer, findings);
		}
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
					taxPayable(document));
			findings.add(finding("CTX-DL-01", Category.NOT_ON_TIME, Severity.WARNING, ContextFindings.PERIOD,
					period.value(), late.vi(), late.en(),
					"Nộp tiền chậm nộp 0,03%/ngày cho số thuế nộp chậm.",
					"Late-payment interest of 0.03% a day runs on tax paid late."));
		}
		return extension;
	}

	/**
	 * R-PER-2: a monthly or quarterly return has the period kind of the filing frequency in force for its
	 * period, not of today's: a switch applies from the first period of a calendar year, and the periods
	 * before it keep the frequency they had ({@link Taxpayer#filingFrequencyOn}).
	 */
	private static void checkFrequency(TaxPeriod period, LocalDate end, Taxpayer taxpayer, List<Finding> findings) {
		LocalDate start = end.withDayOfMonth(1).minusMonths("Q".equals(period.kind()) ? 2 : 0);
		String frequency = taxpayer.filingFrequencyOn(start);
		if (!period.kind().equals(frequency)) {
			String year = String.valueOf(start.getYear());
			findings.add(finding("CTX-PER-03", Category.DATA_MISMATCH, Severity.REJECT, ContextFindings.PERIOD_KIND,
					period.kind(), "Người nộp thuế đăng ký khai theo " + frequencyVi(frequency) + " cho các kỳ năm " + year + ".",
					"The taxpayer is registered to file " + frequencyEn(frequency) + " for the periods of " + year + ".",
					"Khai theo kỳ đã đăng ký cho năm đó, hoặc đăng ký thay đổi kỳ khai (mẫu 01/ĐK-TĐKTT), có hiệu lực từ "
							+ "kỳ đầu tiên của năm dương lịch.",
					"File for the period registered for that year, or register a change (form 01/ĐK-TĐKTT), which "
							+ "applies from the first period of a calendar year."));
		}
	}

	/**
	 * R-PER-1: the period kind must be one the form version takes (its {@code periods:}); a 01/GTGT declared
	 * as a year, a free range or an occurrence would otherwise start a chain of its own beside the quarter's.
	 */
	private static Finding kindNotOfTheForm(ReturnDocument document, TaxPeriod period) {
		String allowed = String.join(", ", new TreeSet<>(document.form().periodKinds()));
		String form = document.header().formCode();
		return finding("CTX-PER-04", Category.INCORRECT_DATA, Severity.REJECT, ContextFindings.PERIOD_KIND,
				period.kind(), "Mẫu " + form + " không khai theo loại kỳ " + period.kind() + " (chỉ khai theo: " + allowed + ").",
				"Form " + form + " is not declared for period kind " + period.kind() + " (only for: " + allowed + ").",
				"Khai loại kỳ (kieuKy) là một trong: " + allowed + " (M tháng, Q quý, Y năm, D lần phát sinh, K/N từ ngày "
						+ "đến ngày).",
				"Set the period kind (kieuKy) to one of: " + allowed + " (M month, Q quarter, Y year, D occurrence, K/N "
						+ "date range).");
	}

	/**
	 * R-DUP-4: a supplement may be filed within ten years of the original deadline (Law 38/2019 Art. 47); the
	 * tax of a period that old can no longer be declared anew.
	 */
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

	/** Whether any indicator the form declares payable carries a positive amount (R-DL-5, over 90 days). */
	private static boolean taxPayable(ReturnDocument document) {
		return document.form().payableIndicators().keySet().stream().map(document.indicators()::get).anyMatch((value) -> {
			try {
				return value != null && !value.isBlank() && new BigDecimal(value.strip()).signum() > 0;
			}
			catch (NumberFormatException ex) {
				return false;
			}
		});
	}

	private static boolean wellFormed(TaxPeriod period) {
		String value = period.value();
		try {
			return switch (period.kind()) {
				case "M" -> MONTH.matcher(value).matches() && bounds(period, YearMonth.of(
						Integer.parseInt(value.substring(3)), Integer.parseInt(value.substring(0, 2))).atDay(1), 1);
				case "Q" -> QUARTER.matcher(value).matches() && bounds(period, YearMonth.of(
						Integer.parseInt(value.substring(2)), (Integer.parseInt(value.substring(0, 1)) - 1) * 3 + 1).atDay(1), 3);
				case "Y" -> YEAR.matcher(value).matches()
						&& bounds(period, LocalDate.of(Integer.parseInt(value), 1, 1), 12);
				case "D" -> day(period, LocalDate.parse(value, DAY));
				default -> period.from() != null && period.to() != null && !period.from().isAfter(period.to());
			};
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/** An occurrence is one day: declared bounds, when present, are that day. */
	private static boolean day(TaxPeriod period, LocalDate day) {
		return (period.from() == null || period.from().equals(day)) && (period.to() == null || period.to().equals(day));
	}

	/** Declared bounds, when present, must be exactly the month, quarter or calendar year. */
	private static boolean bounds(TaxPeriod period, LocalDate start, int months) {
		LocalDate end = start.plusMonths(months).minusDays(1);
		return (period.from() == null || period.from().equals(start)) && (period.to() == null || period.to().equals(end));
	}

	private static boolean rejectedToStop(List<Finding> findings) {
		return findings.stream().anyMatch((finding) -> finding.severity() == Severity.REJECT_AND_STOP);
	}

	private static String frequencyVi(String frequency) {
		return "M".equals(frequency) ? "tháng" : "quý";
	}

	private static String frequencyEn(String frequency) {
		return "M".equals(frequency) ? "monthly" : "quarterly";
	}

	/**
	 * What the context rules found.
	 * @param findings every finding
	 * @param taxpayer the registered taxpayer, if any
	 * @param extension the extension of the filing deadline the return is held to, if any
	 * @param inspections the inspections at the taxpayer's premises a supplement's period is under at the postmark
	 */
	record Checked(List<Finding> findings, Optional<Taxpayer> taxpayer, @Nullable ExtendedDeadline extension,
			List<TaxInspection> inspections) {

	}

}
