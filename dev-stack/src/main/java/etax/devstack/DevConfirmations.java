package etax.devstack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bank confirmations (JSON version 1) of one VAT line of Q1/2026 debited in VND, as the demo's and the
 * conformance pack's banks send them to {@code POST /api/v1/bank/confirmations}.
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
		return JSON.writeValueAsString(Map.ofEntries(Map.entry("version", 1), Map.entry("bankCode", bankCode),
				Map.entry("bankReference", reference), Map.entry("voucherNumber", "GNT-" + reference),
				Map.entry("payerMst", mst), Map.entry("currency", "VND"), Map.entry("amount", total),
				Map.entry("paymentDate", paymentDate.toString()), Map.entry("sentAt", Instant.now().toString()),
				Map.entry("collectingAgencyCode", "1054523"), Map.entry("status", "DEBITED"),
				Map.entry("treasuryCode", "0111"), Map.entry("treasuryAccount", "7111"), Map.entry("areaCode", "79760"),
				Map.entry("lines", List.of(voucherLine))));
	}

}
