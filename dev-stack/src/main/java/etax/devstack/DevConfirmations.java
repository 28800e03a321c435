package etax.devstack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bank confirmations (JSON version 1) of one line debited in VND, as the demo's and the conformance pack's banks
 * send them to {@code POST /api/v1/bank/confirmations}: VAT of Q1/2026, or corporate income tax paid on account of a
 * quarter.
 */
public final class DevConfirmations {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DevConfirmations() {
	}

	/**
	 * @param bankCode the bank
	 * @param reference its reference
	 * @param mst the payer
	 * @param total the voucher's total, whole VND
	 * @param line the line's amount (equal to the total for a well-formed voucher)
	 * @param paymentDate the day debited
	 * @param payableItemId the item the line names, if any
	 * @return the message
	 */
	public static String oneLine(String bankCode, String reference, String mst, long total, long line,
			LocalDate paymentDate, @Nullable String payableItemId) {
		Map<String, Object> voucherLine = new LinkedHashMap<>(
				Map.of("chapter", "754", "subItem", "1701", "taxPeriod", "00/Q1/2026", "amount", line));
		if (payableItemId != null) {
			voucherLine.put("payableItemId", payableItemId);
		}
		return voucher(bankCode, reference, mst, total, paymentDate, voucherLine);
	}

	/**
	 * Corporate income tax (sub-item 1052) paid on account of a quarter, naming no item: no return declares it
	 * (VN-ETAX §3.5 R-DL-4).
	 * @param quarter the quarter, {@code 00/Q3/2025}
	 */
	public static String onAccount(String bankCode, String reference, String mst, String quarter, long amount,
			LocalDate paymentDate) {
		return voucher(bankCode, reference, mst, amount, paymentDate,
				Map.of("chapter", "754", "subItem", "1052", "taxPeriod", quarter, "amount", amount));
	}

	private static String voucher(String bankCode, String reference, String mst, long total, LocalDate paymentDate,
			Map<String, Object> voucherLine) {
		return JSON.writeValueAsString(Map.ofEntries(Map.entry("version", 1), Map.entry("bankCode", bankCode),
				Map.entry("bankReference", reference), Map.entry("voucherNumber", "GNT-" + reference),
				Map.entry("payerMst", mst), Map.entry("currency", "VND"), Map.entry("amount", total),
				Map.entry("paymentDate", paymentDate.toString()), Map.entry("sentAt", Instant.now().toString()),
				Map.entry("collectingAgencyCode", "1054523"), Map.entry("status", "DEBITED"),
				Map.entry("treasuryCode", "0111"), Map.entry("treasuryAccount", "7111"), Map.entry("areaCode", "79760"),
				Map.entry("lines", List.of(voucherLine))));
	}

}
