package etax.declaration.submission;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import etax.access.RedactedException;
import etax.declaration.calendar.Deadlines;
import etax.schemas.Category;
import etax.schemas.Finding;
import etax.schemas.ReturnDocument;
import etax.schemas.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static etax.declaration.submission.ContextFindings.amount;
import static etax.declaration.submission.ContextFindings.finding;

/**
 * R-X-3 (VN-ETAX.md §3.9), CTX-X-06 (warning): what a calendar year's CIT finalization declares paid on account of
 * the year matches the provisional payments the ledger recorded. 03/TNDN declares the business CIT paid by the
 * fourth quarter's provisional deadline (G2: 30 January of the next year, moved to the next working day) and paid
 * after it (G1); the ledger's are the amounts that count as paid on the year's quarters of sub-item 1052, by the
 * day they count as paid, read through payment-gateway's published view {@code payment.tax_paid_v1} (ADR 0006), G1
 * up to the postmark's day. A warning: money paid before this system or on paper is not in the ledger, and the
 * finalization stays the taxpayer's declaration; the difference is named so that the filer can look.
 * <p>
 * The view is read outside the filing transaction, one statement per such return. When it cannot be read (the
 * gateway's schema not migrated yet), the return is filed without the check and the failure logged.
 */
@Component
class PaidOnAccount {

	private static final Logger log = LoggerFactory.getLogger(PaidOnAccount.class);

	private static final String BODY = "/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/";

	/** Per maTKhai of a finalization: its sub-item paid by quarter and its two indicators. */
	private static final Map<String, Rule> RULES = Map.of("892",
			new Rule("1052", "ThueDaTamNop/ctG2", "G2", "ThueDaTamNop/ctG1", "G1"));

	private final JdbcTemplate jdbc;

	private final Deadlines deadlines;

	PaidOnAccount(JdbcTemplate jdbc, Deadlines deadlines) {
		this.jdbc = jdbc;
		this.deadlines = deadlines;
	}

	List<Finding> check(ReturnDocument document, Instant receivedAt) {
		Rule rule = "Y".equals(document.header().period().kind()) ? RULES.get(document.form().maTKhai()) : null;
		if (rule == null || !document.header().period().value().matches("\\d{4}")) {
			return List.of();
		}
		int year = Integer.parseInt(document.header().period().value());
		LocalDate fourthQuarterDeadline = this.deadlines.deadlineOn(LocalDate.of(year + 1, 1, 30));
		LocalDate filedOn = receivedAt.atZone(Deadlines.VIETNAM).toLocalDate();
		Recorded recorded;
		try {
			recorded = this.jdbc.queryForObject("""
					SELECT coalesce(sum(amount) FILTER (WHERE paid_on <= ?), 0),
						coalesce(sum(amount) FILTER (WHERE paid_on > ? AND paid_on <= ?), 0)
					FROM payment.tax_paid_v1
					WHERE mst = ? AND sub_item = ? AND tax_period IN (?, ?, ?, ?)""",
					(row, n) -> new Recorded(row.getBigDecimal(1), row.getBigDecimal(2)), fourthQuarterDeadline,
					fourthQuarterDeadline, filedOn, document.header().mst(), rule.subItem(), "00/Q1/" + year,
					"00/Q2/" + year, "00/Q3/" + year, "00/Q4/" + year);
		}
		catch (DataAccessException ex) {
			log.warn("The ledger's payments could not be read: CTX-X-06 not checked form={}", document.form().formCode(),
					RedactedException.of(ex));
			return List.of();
		}
		List<Finding> findings = new ArrayList<>(2);
		check(document, rule.byDeadline(), rule.byDeadlineCode(), recorded.byDeadline(),
				"đã tạm nộp đến thời hạn tạm nộp quý 4 (" + fourthQuarterDeadline + ")",
				"paid by the fourth quarter's provisional deadline (" + fourthQuarterDeadline + ")", findings);
		check(document, rule.after(), rule.afterCode(), recorded.after(),
				"đã tạm nộp sau thời hạn tạm nộp quý 4 đến ngày nộp tờ khai (" + filedOn + ")",
				"paid after the fourth quarter's provisional deadline, up to the day of filing (" + filedOn + ")", findings);
		return findings;
	}

	private static void check(ReturnDocument document, String indicator, String code, BigDecimal recorded,
			String whatVi, String whatEn, List<Finding> findings) {
		String declared = document.indicators().getOrDefault(indicator.substring(indicator.indexOf('/') + 1), "");
		if (amount(declared).compareTo(recorded) == 0) {
			return;
		}
		String year = document.header().period().value();
		findings.add(finding("CTX-X-06", Category.DATA_MISMATCH, Severity.WARNING, BODY + indicator, declared,
				"Chỉ tiêu " + code + " năm " + year + " là " + declared + ", khác số thuế TNDN " + whatVi
						+ " cơ quan thuế đã ghi nhận: " + recorded.toPlainString() + ".",
				code + " for " + year + " is " + declared + ", not the CIT " + whatEn + " the tax office recorded: "
						+ recorded.toPlainString() + ".",
				"Đối chiếu với các giấy nộp tiền đã nộp; nếu tờ khai sai, khai bổ sung.",
				"Check against the payment vouchers paid; if the return is wrong, supplement it."));
	}

	/**
	 * @param subItem the sub-item the year's tax is paid by quarter under
	 * @param byDeadline the indicator of what was paid by the fourth quarter's deadline, under its group
	 * @param byDeadlineCode as printed
	 * @param after the indicator of what was paid after it
	 * @param afterCode as printed
	 */
	private record Rule(String subItem, String byDeadline, String byDeadlineCode, String after, String afterCode) {

	}

	private record Recorded(BigDecimal byDeadline, BigDecimal after) {

	}

}
