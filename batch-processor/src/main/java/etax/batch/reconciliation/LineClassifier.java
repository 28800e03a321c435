package etax.batch.reconciliation;

import java.time.LocalDate;

import etax.batch.BatchProcessorProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Classifies a day's voucher lines into {@code reconciliation.line} in one statement: the tax side (the
 * gateway's view), the banks' files and the treasury's statement joined in full, keyed by (bank code, bank
 * reference, line) and by posting id (a statement row valued within {@code value-date-window-days} after its
 * payment's day counts on that day), with the treasury's acks beside them. Each line belongs to the tax office
 * of its collecting agency ({@link CollectingAgencyOffices}).
 */
@Repository
class LineClassifier {

	/*
	 * tax: booked lines (a reversal entry's own lines are REVERSAL; a payment is REVERSED only if its reversal
	 * is dated on or before the day: a reversal dated later belongs to its own day and leaves this one's
	 * classification as it was; the view's reversed_by names the reversal whatever its date, so its date is
	 * looked up by its key),
	 * and a voucher the bank reported only pending that its file of the day does not list at all, one line
	 * without a line number (it has none yet; nor a coding, an agency or an office: a national officer's), ONLY_TAX:
	 * the tax side waits for money the bank does not account for (one it reported failed is settled on both sides);
	 * unbooked: vouchers the bank reported only pending or failed, matched to the bank's lines by voucher.
	 * The treasury's status: POSTED (on the statement), ACKED (acked as posted, missing from the statement),
	 * REFUSED, CONFLICT (statement and ack disagree, or two acks do), or null (nothing from the treasury).
	 * A coding field differs when the tax side has a value another present leg does not share. The routing
	 * fields (treasury, collection account, collecting agency, payer) and the tax period differ only where both
	 * legs carry a value: the treasury's statement has no agency, payer or period, those fields are optional
	 * in a bank's file, and older confirmations have no agency; so they are compared with <>, which is null,
	 * not true, when either is missing.
	 * offices: the tax office of each collecting agency (configuration data, a JSON object): a line's office is
	 * its agency's, or the agency's own code when the mapping does not list it.
	 * treasury: the statement's postings of voucher lines; a re-coding or a refund order the gateway asked for
	 * (money moved between sub-items or taxpayers by an offset, or paid back to a taxpayer on its request: the
	 * gateway's view payment.treasury_ledger_postings_v1) is no voucher line of any bank, so a statement that lists
	 * it does not make it ONLY_TREASURY: the gateway follows its ack.
	 * The treasury values a payment on or after its date (a weekend's, a holiday's or an after-cut-off payment on
	 * its next working day): a tax line with no statement row of its own day takes as its treasury leg the current
	 * statement row of its posting valued within :window days after the day (the earliest; looked up by posting id,
	 * only for such lines), and a statement row that no line of its day has is left out when it is the leg of such
	 * a line of an earlier day (the tax side has its posting on a day of the window before, with no statement row
	 * of it from that day up to this one). Its value date is kept on the line (treasury_value_date).
	 * OFFSET 0 keeps each step a subquery of its own, so that the class and the list of differing fields
	 * are computed once per line, not once per reference in the outer select.
	 */
	private static final String CLASSIFY = """
			WITH offices AS (
				SELECT key AS agency, value AS office FROM jsonb_each_text(CAST(:offices AS jsonb))
			), tax AS (
				SELECT v.bank_code, v.bank_reference, v.line_number, v.posting_id, v.currency, v.amount, v.chapter,
					v.sub_item, v.area_code, v.collecting_agency_code, v.treasury_code, v.treasury_account, v.payer_mst,
					v.tax_period,
					CASE WHEN v.status = 'REVERSED' THEN 'REVERSAL'
						WHEN v.reversed_by IS NOT NULL AND EXISTS (SELECT 1 FROM payment.reconciliation_confirmation_lines_v1 r
							WHERE r.bank_code = v.bank_code AND r.bank_reference = v.reversed_by AND r.status = 'REVERSED'
								AND r.payment_date <= :day) THEN 'REVERSED'
						ELSE 'DEBITED' END AS status
				FROM payment.reconciliation_confirmation_lines_v1 v
				WHERE v.payment_date = :day AND v.line_number IS NOT NULL
				UNION ALL
				SELECT v.bank_code, v.bank_reference, NULL, NULL, v.currency, v.amount, NULL, NULL, NULL, NULL, NULL,
					NULL, v.payer_mst, NULL, v.status
				FROM payment.reconciliation_confirmation_lines_v1 v
				WHERE v.payment_date = :day AND v.line_number IS NULL AND v.status = 'PENDING'
					AND NOT EXISTS (SELECT 1 FROM reconciliation.bank_file_line b WHERE b.business_day = :day
						AND b.bank_code = v.bank_code AND b.bank_reference = v.bank_reference)
			), unbooked AS (
				SELECT bank_code, bank_reference, status FROM payment.reconciliation_confirmation_lines_v1
				WHERE payment_date = :day AND line_number IS NULL
			), bank AS (
				SELECT bank_code, bank_reference, line_number, currency, amount, chapter, sub_item, area_code,
					collecting_agency_code, treasury_code, treasury_account, payer_mst, tax_period, status
				FROM reconciliation.bank_file_line WHERE business_day = :day
			), treasury AS (
				SELECT s.posting_id, s.currency, s.amount, s.chapter, s.sub_item, s.area_code, s.treasury_code,
					s.treasury_account
				FROM reconciliation.treasury_statement_line s WHERE s.business_day = :day AND s.replaced_by IS NULL
					AND NOT EXISTS (SELECT 1 FROM payment.treasury_ledger_postings_v1 r WHERE r.posting_id = s.posting_id)
			), legs AS (
				SELECT coalesce(t.bank_code, b.bank_code) AS bank_code,
					coalesce(t.bank_reference, b.bank_reference) AS bank_reference,
					coalesce(t.line_number, b.line_number) AS line_number, coalesce(t.posting_id, s.posting_id) AS posting_id,
					coalesce(o.office, :unmapped || coalesce(t.collecting_agency_code, b.collecting_agency_code)) AS tax_office,
					coalesce(t.treasury_code, b.treasury_code, s.treasury_code) AS treasury_code,
					t.bank_code IS NOT NULL AS has_tax, b.bank_code IS NOT NULL AS has_bank,
					s.posting_id IS NOT NULL AS has_treasury,
					coalesce(t.status, u.status) AS tax_status, b.status AS bank_status,
					CASE WHEN a.later_status IS NOT NULL OR (s.posting_id IS NOT NULL AND a.status = 'REFUSED') THEN 'CONFLICT'
						WHEN s.posting_id IS NOT NULL THEN 'POSTED' WHEN a.status = 'POSTED' THEN 'ACKED'
						ELSE a.status END AS treasury_status,
					t.chapter AS t_chapter, t.sub_item AS t_sub_item, t.area_code AS t_area, t.amount AS t_amount,
					t.currency AS t_currency, b.chapter AS b_chapter, b.sub_item AS b_sub_item, b.area_code AS b_area,
					b.amount AS b_amount, b.currency AS b_currency, s.chapter AS s_chapter, s.sub_item AS s_sub_item,
					s.area_code AS s_area, s.amount AS s_amount, s.currency AS s_currency,
					t.treasury_code AS t_treasury, t.treasury_account AS t_account, t.collecting_agency_code AS t_agency,
					t.payer_mst AS t_payer, b.treasury_code AS b_treasury, b.treasury_account AS b_account,
					b.collecting_agency_code AS b_agency, b.payer_mst AS b_payer, s.treasury_code AS s_treasury,
					s.treasury_account AS s_account, t.tax_period AS t_period, b.tax_period AS b_period,
					s.value_date AS s_value_date
				FROM tax t
				FULL JOIN bank b ON b.bank_code = t.bank_code AND b.bank_reference = t.bank_reference
					AND b.line_number = t.line_number
				FULL JOIN treasury d ON d.posting_id = t.posting_id
				LEFT JOIN LATERAL (
					SELECT x.business_day, x.posting_id, x.currency, x.amount, x.chapter, x.sub_item, x.area_code,
						x.treasury_code, x.treasury_account
					FROM reconciliation.treasury_statement_line x
					WHERE d.posting_id IS NULL AND x.posting_id = t.posting_id AND x.replaced_by IS NULL
						AND x.business_day > :day AND x.business_day <= :day + :window
					ORDER BY x.business_day LIMIT 1
				) w ON true
				CROSS JOIN LATERAL (
					SELECT coalesce(d.posting_id, w.posting_id) AS posting_id, coalesce(d.currency, w.currency) AS currency,
						coalesce(d.amount, w.amount) AS amount, coalesce(d.chapter, w.chapter) AS chapter,
						coalesce(d.sub_item, w.sub_item) AS sub_item, coalesce(d.area_code, w.area_code) AS area_code,
						coalesce(d.treasury_code, w.treasury_code) AS treasury_code,
						coalesce(d.treasury_account, w.treasury_account) AS treasury_account, w.business_day AS value_date
				) s
				LEFT JOIN unbooked u ON t.bank_code IS NULL AND u.bank_code = b.bank_code
					AND u.bank_reference = b.bank_reference
				LEFT JOIN reconciliation.treasury_ack a ON a.posting_id = coalesce(t.posting_id, s.posting_id)
				LEFT JOIN offices o ON o.agency = coalesce(t.collecting_agency_code, b.collecting_agency_code)
				WHERE NOT (t.bank_code IS NULL AND b.bank_code IS NULL
					AND EXISTS (SELECT 1 FROM payment.reconciliation_confirmation_lines_v1 v
						WHERE v.posting_id = d.posting_id AND v.line_number IS NOT NULL
							AND v.payment_date >= :day - :window AND v.payment_date < :day
							AND NOT EXISTS (SELECT 1 FROM reconciliation.treasury_statement_line x
								WHERE x.posting_id = d.posting_id AND x.replaced_by IS NULL
									AND x.business_day >= v.payment_date AND x.business_day < :day)))
			), coded AS (
				SELECT l.*, array_remove(ARRAY[
					CASE WHEN l.has_tax AND ((l.has_bank AND l.t_chapter IS DISTINCT FROM l.b_chapter)
						OR (l.has_treasury AND l.t_chapter IS DISTINCT FROM l.s_chapter)) THEN 'chapter' END,
					CASE WHEN l.has_tax AND ((l.has_bank AND l.t_sub_item IS DISTINCT FROM l.b_sub_item)
						OR (l.has_treasury AND l.t_sub_item IS DISTINCT FROM l.s_sub_item)) THEN 'subItem' END,
					CASE WHEN l.has_tax AND ((l.has_bank AND l.t_area IS DISTINCT FROM l.b_area)
						OR (l.has_treasury AND l.t_area IS DISTINCT FROM l.s_area)) THEN 'area' END,
					CASE WHEN l.has_tax AND ((l.has_bank AND l.t_amount IS DISTINCT FROM l.b_amount)
						OR (l.has_treasury AND l.t_amount IS DISTINCT FROM l.s_amount)) THEN 'amount' END,
					CASE WHEN l.has_tax AND ((l.has_bank AND l.t_currency IS DISTINCT FROM l.b_currency)
						OR (l.has_treasury AND l.t_currency IS DISTINCT FROM l.s_currency)) THEN 'currency' END,
					CASE WHEN l.has_tax AND ((l.has_bank AND l.t_treasury <> l.b_treasury)
						OR (l.has_treasury AND l.t_treasury <> l.s_treasury)) THEN 'treasuryCode' END,
					CASE WHEN l.has_tax AND ((l.has_bank AND l.t_account <> l.b_account)
						OR (l.has_treasury AND l.t_account <> l.s_account)) THEN 'treasuryAccount' END,
					CASE WHEN l.has_tax AND l.has_bank AND l.t_agency <> l.b_agency THEN 'collectingAgency' END,
					CASE WHEN l.has_tax AND l.has_bank AND l.t_payer <> l.b_payer THEN 'payerMst' END,
					CASE WHEN l.has_tax AND l.has_bank AND l.t_period <> l.b_period THEN 'taxPeriod' END
				], NULL) AS mismatched
				FROM legs l
				OFFSET 0
			), classified AS (
				SELECT c.*, CASE
					WHEN c.tax_status IS NULL AND c.has_bank THEN 'ONLY_BANK'
					WHEN c.tax_status IS NULL THEN 'ONLY_TREASURY'
					WHEN NOT c.has_bank AND c.tax_status <> 'REVERSAL' THEN 'ONLY_TAX'
					WHEN (c.has_bank AND c.bank_status <> CASE c.tax_status WHEN 'REVERSAL' THEN 'REVERSED'
							ELSE c.tax_status END)
						OR (c.has_tax AND c.treasury_status IS DISTINCT FROM 'POSTED') THEN 'STATUS_MISMATCH'
					WHEN cardinality(c.mismatched) > 0 THEN 'CODING_MISMATCH'
					ELSE 'MATCHED' END AS class
				FROM coded c
				OFFSET 0
			)
			INSERT INTO reconciliation.line (business_day, line_key, class, currency, amount, bank_code, bank_reference,
				line_number, posting_id, tax_office, treasury_code, tax_status, bank_status, treasury_status, mismatched,
				tax_chapter,
				tax_sub_item, tax_area, tax_amount, tax_currency, bank_chapter, bank_sub_item, bank_area, bank_amount,
				bank_currency, treasury_chapter, treasury_sub_item, treasury_area, treasury_amount, treasury_currency,
				tax_treasury_code, tax_treasury_account, tax_collecting_agency, tax_payer_mst, bank_treasury_code,
				bank_treasury_account, bank_collecting_agency, bank_payer_mst, treasury_treasury_code,
				treasury_treasury_account, tax_tax_period, bank_tax_period, treasury_value_date)
			SELECT :day,
				CASE WHEN bank_code IS NULL THEN 'posting/' || posting_id
					WHEN line_number IS NULL THEN bank_code || '/' || bank_reference
					ELSE bank_code || '/' || bank_reference || '/' || line_number END,
				class, coalesce(t_currency, b_currency, s_currency), coalesce(t_amount, b_amount, s_amount), bank_code,
				bank_reference, line_number, posting_id, tax_office, CASE WHEN class <> 'MATCHED' THEN treasury_code END,
				tax_status, bank_status, treasury_status, CASE WHEN class <> 'MATCHED' THEN mismatched END,
				CASE WHEN class <> 'MATCHED' THEN t_chapter END, CASE WHEN class <> 'MATCHED' THEN t_sub_item END,
				CASE WHEN class <> 'MATCHED' THEN t_area END, CASE WHEN class <> 'MATCHED' THEN t_amount END,
				CASE WHEN class <> 'MATCHED' THEN t_currency END, CASE WHEN class <> 'MATCHED' THEN b_chapter END,
				CASE WHEN class <> 'MATCHED' THEN b_sub_item END, CASE WHEN class <> 'MATCHED' THEN b_area END,
				CASE WHEN class <> 'MATCHED' THEN b_amount END, CASE WHEN class <> 'MATCHED' THEN b_currency END,
				CASE WHEN class <> 'MATCHED' THEN s_chapter END, CASE WHEN class <> 'MATCHED' THEN s_sub_item END,
				CASE WHEN class <> 'MATCHED' THEN s_area END, CASE WHEN class <> 'MATCHED' THEN s_amount END,
				CASE WHEN class <> 'MATCHED' THEN s_currency END,
				CASE WHEN class <> 'MATCHED' THEN t_treasury END, CASE WHEN class <> 'MATCHED' THEN t_account END,
				CASE WHEN class <> 'MATCHED' THEN t_agency END, CASE WHEN class <> 'MATCHED' THEN t_payer END,
				CASE WHEN class <> 'MATCHED' THEN b_treasury END, CASE WHEN class <> 'MATCHED' THEN b_account END,
				CASE WHEN class <> 'MATCHED' THEN b_agency END, CASE WHEN class <> 'MATCHED' THEN b_payer END,
				CASE WHEN class <> 'MATCHED' THEN s_treasury END, CASE WHEN class <> 'MATCHED' THEN s_account END,
				CASE WHEN class <> 'MATCHED' THEN t_period END, CASE WHEN class <> 'MATCHED' THEN b_period END,
				s_value_date
			FROM classified
			""";

	private final JdbcClient jdbc;

	private final CollectingAgencyOffices offices;

	private final int valueDateWindowDays;

	LineClassifier(JdbcClient jdbc, CollectingAgencyOffices offices, BatchProcessorProperties properties) {
		this.jdbc = jdbc;
		this.offices = offices;
		this.valueDateWindowDays = properties.reconciliation().valueDateWindowDays();
	}

	/**
	 * Classifies the day's lines, in the caller's transaction; the lines of its previous classification must
	 * be gone.
	 * @param day the business day
	 * @return the lines classified
	 */
	long classify(LocalDate day) {
		return this.jdbc.sql(CLASSIFY)
			.param("day", day)
			.param("offices", this.offices.asJson())
			.param("unmapped", CollectingAgencyOffices.UNMAPPED)
			.param("window", this.valueDateWindowDays)
			.update();
	}

}
