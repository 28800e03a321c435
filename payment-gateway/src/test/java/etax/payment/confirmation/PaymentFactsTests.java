package etax.payment.confirmation;

import java.util.List;
import java.util.Map;

import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentFactsTests {

	private static final String BANK = "01202001";

	private static final String MST = DevBanks.mst(9701);

	private static final String ORIGINAL = DevBanks
		.confirmation(BANK, "PF2026042000000001", MST, "2026-04-20", List.of(Line.of("1701", 1_000), Line.of("4931", 500)))
		.replace("\"treasuryCode\":\"0111\"", "\"treasuryCode\":\"01111\"");

	private static final String MENDED = ORIGINAL.replace("\"treasuryCode\":\"01111\"", "\"treasuryCode\":\"0111\"");

	@Test
	void aCorrectionOfWhatBrokeAReadingRuleKeepsEveryFact() {
		assertThat(changed(ORIGINAL, MENDED)).isEmpty();
		assertThat(changed(ORIGINAL, MENDED.replace("GNT-", "GNT-X").replace("T09:00:00", "T10:00:00"))).isEmpty();
	}

	@Test
	void namesEveryFactACorrectionChanges() {
		String other = DevBanks.mst(9702);
		assertThat(changed(ORIGINAL, MENDED.replace(MST, other))).containsExactly("payerMst");
		assertThat(changed(ORIGINAL, MENDED.replace("\"amount\":1500", "\"amount\":2000")
			.replace("\"amount\":500", "\"amount\":1000"))).containsExactly("amount", "lines[1].amount");
		assertThat(changed(ORIGINAL, MENDED.replace("\"4931\"", "\"1052\""))).containsExactly("lines[1].subItem");
		assertThat(changed(ORIGINAL, MENDED.replace("\"bankCode\":\"" + BANK, "\"bankCode\":\"79310001")))
			.containsExactly("bankCode");
		assertThat(changed(ORIGINAL, MENDED.replace("\"status\":\"DEBITED\"", "\"status\":\"PENDING\"")))
			.containsExactly("status");
	}

	@Test
	void aCorrectionKeepsWhereTheMoneyWentUnlessTheOriginalStatedItMalformedOrNotAtAll() {
		String toAnotherAccount = MENDED.replace("\"treasuryAccount\":\"7111\"", "\"treasuryAccount\":\"8991\"");
		assertThat(changed(toAnotherAccount, MENDED)).containsExactly("treasuryAccount");
		assertThat(changed(ORIGINAL, MENDED.replace("\"treasuryCode\":\"0111\"", "\"treasuryCode\":\"0112\"")))
			.as("a malformed code may be mended to any code").isEmpty();
		assertThat(changed(MENDED, MENDED.replace("\"treasuryCode\":\"0111\"", "\"treasuryCode\":\"0112\"")
			.replace("\"collectingAgencyCode\":\"1054321\"", "\"collectingAgencyCode\":\"1054999\"")
			.replace("\"areaCode\":\"79760\"", "\"areaCode\":\"79761\"")))
			.containsExactly("treasuryCode", "collectingAgencyCode", "areaCode");
		String noArea = MENDED.replace(",\"areaCode\":\"79760\"", "");
		assertThat(changed(noArea, MENDED)).as("a missing code may be given").isEmpty();
		String malformedAccount = MENDED.replace("\"treasuryAccount\":\"7111\"", "\"treasuryAccount\":\"71 11\"");
		assertThat(changed(malformedAccount, MENDED)).isEmpty();
	}

	@Test
	void anOriginalThatNamesAnotherBankThanItsSenderIsNotCorrected() {
		// bank 01202001 signed 79310001's confirmation, and it was rejected for a rule a correction could mend: mended
		// to name its sender, it would be recorded as the sender's payment beside 79310001's own
		String claimsAnother = ORIGINAL.replace("\"bankCode\":\"" + BANK, "\"bankCode\":\"79310001");
		assertThatThrownBy(() -> PaymentFacts.ofOriginal(claimsAnother, null, BANK))
			.isInstanceOf(PaymentFacts.ForAnotherBank.class);
		String camt = Camt054.notification("79310001", MST,
				Camt054.entry("PF2026042000000002", "BOOK", false, null, "1701", 1_000));
		assertThatThrownBy(() -> PaymentFacts.ofOriginal(camt, "application/xml", BANK))
			.isInstanceOf(PaymentFacts.ForAnotherBank.class);
		assertThat(PaymentFacts.ofOriginal(camt, "application/xml", "79310001")).containsEntry("bankCode", "79310001");
	}

	@Test
	void anOriginalThatNamesNoBankInItsFormatIsItsSenders() {
		String malformed = ORIGINAL.replace("\"bankCode\":\"" + BANK, "\"bankCode\":\"0120200");
		assertThat(changed(malformed, MENDED)).isEmpty();
		assertThat(changed(malformed, MENDED.replace("\"bankCode\":\"" + BANK, "\"bankCode\":\"79310001")))
			.containsExactly("bankCode");
		String missing = ORIGINAL.replace("\"bankCode\":\"" + BANK + "\",", "");
		assertThat(changed(missing, MENDED)).isEmpty();
	}

	@Test
	void anOriginalThatDoesNotSayWhatWasPaidCannotBeCorrected() {
		assertThatThrownBy(() -> PaymentFacts.ofOriginal(ORIGINAL.replace("\"amount\":1500", "\"amount\":\"lots\""),
				null, BANK))
			.isInstanceOf(PaymentFacts.Unreadable.class)
			.hasMessageContaining("amount");
		assertThatThrownBy(() -> PaymentFacts.ofOriginal("{\"version\":1,", null, BANK))
			.isInstanceOf(PaymentFacts.Unreadable.class);
		assertThatThrownBy(() -> PaymentFacts.ofOriginal(ORIGINAL.replace(MST, "0313829149"), null, BANK))
			.isInstanceOf(PaymentFacts.Unreadable.class);
		assertThatThrownBy(() -> PaymentFacts.ofOriginal(ORIGINAL, "text/plain", BANK))
			.isInstanceOf(PaymentFacts.Unreadable.class);
	}

	private static List<String> changed(String original, String corrected) {
		Map<String, String> facts = PaymentFacts.ofOriginal(original, null, BANK);
		return PaymentFacts.changed(facts, PaymentFacts.of(new MessageReader().readUnkeyed(corrected, null)));
	}

}
