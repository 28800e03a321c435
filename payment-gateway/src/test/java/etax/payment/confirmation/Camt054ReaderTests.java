package etax.payment.confirmation;

import java.time.LocalDate;
import java.util.List;

import etax.ids.TaxpayerId;
import etax.payment.confirmation.ReceivedConfirmation.ConfirmationKey;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class Camt054ReaderTests {

	private static final String MST = "0313829148";

	private final Camt054Reader reader = new Camt054Reader();

	@Test
	void readsEachEntryIntoTheModelOfTheJsonMessage() {
		String xml = Camt054.notification("01202001", MST,
				Camt054.entry("CAMT1", "BOOK", false, null, "1701", 22_000_000),
				Camt054.entry("CAMT2", "PDNG", false, null, "4931", 99_000));

		List<BankConfirmation> read = this.reader.read(MST, xml);

		assertThat(read).hasSize(2);
		BankConfirmation first = read.get(0);
		assertThat(first.bankCode()).isEqualTo("01202001");
		assertThat(first.bankReference()).isEqualTo("CAMT1");
		assertThat(first.voucherNumber()).isEqualTo("GNT-CAMT1");
		assertThat(first.payer()).isEqualTo(new TaxpayerId(MST));
		assertThat(first.status()).isEqualTo(BankConfirmation.Status.DEBITED);
		assertThat(first.paymentDate()).isEqualTo(LocalDate.of(2026, 4, 20));
		assertThat(first.treasuryCode()).isEqualTo("0111");
		assertThat(first.treasuryAccount()).isEqualTo("7111");
		assertThat(first.collectingAgencyCode()).isEqualTo("1054321");
		assertThat(first.areaCode()).isEqualTo("79760");
		assertThat(first.lines()).singleElement().satisfies((line) -> {
			assertThat(line.chapter()).isEqualTo("754");
			assertThat(line.subItem()).isEqualTo("1701");
			assertThat(line.taxPeriod().value()).isEqualTo("00/Q1/2026");
			assertThat(line.amount()).isEqualByComparingTo("22000000");
		});
		assertThat(read.get(1).status()).isEqualTo(BankConfirmation.Status.PENDING);
	}

	@Test
	void statesTheBankAndReferenceOfEveryEntryBeforeAnyRuleOfIt() {
		String xml = Camt054.notification("01202001", MST, Camt054.entry("CAMT1", "BOOK", false, null, "1701", 22_000_000),
				Camt054.entry("CAMT2", "BOOK", false, null, "1701", 1).replace("<CdtDbtInd>DBIT</CdtDbtInd>", ""),
				Camt054.entry("CAMT 3", "BOOK", false, null, "1701", 1));

		Element notification = this.reader.parse(xml);

		assertThat(Camt054Reader.banks(notification)).containsExactly("01202001");
		assertThat(Camt054Reader.keys(notification)).containsExactly(new ConfirmationKey("01202001", "CAMT1"),
				new ConfirmationKey("01202001", "CAMT2"));
		assertThat(Camt054Reader.keys(this.reader.parse(xml.replace("<MmbId>01202001", "<MmbId>0120200")))).isEmpty();
	}

	@Test
	void hashesLikeTheSameConfirmationInJson() {
		String xml = Camt054.notification("01202001", MST, Camt054.entry("CAMT1", "BOOK", false, null, "1701", 22_000_000));
		String json = """
				{"version":1,"bankCode":"01202001","bankReference":"CAMT1","voucherNumber":"GNT-CAMT1",
				 "payerMst":"0313829148","currency":"VND","amount":22000000,"paymentDate":"2026-04-20","status":"DEBITED",
				 "sentAt":"2026-04-20T09:30:00+07:00","treasuryCode":"0111","treasuryAccount":"7111",
				 "collectingAgencyCode":"1054321","areaCode":"79760",
				 "lines":[{"chapter":"754","subItem":"1701","taxPeriod":"00/Q1/2026","amount":22000000}]}""";

		assertThat(this.reader.read(MST, xml).get(0).contentHash())
			.isEqualTo(new ConfirmationReader().read(MST, json).contentHash());
	}

	@Test
	void readsAReversal() {
		String xml = Camt054.notification("01202001", MST, Camt054.entry("RV1", "BOOK", true, "CAMT1", "1701", 1_000));

		BankConfirmation reversal = this.reader.read(MST, xml).get(0);

		assertThat(reversal.status()).isEqualTo(BankConfirmation.Status.REVERSED);
		assertThat(reversal.reversalOf()).isEqualTo("CAMT1");
	}

	@Test
	void readsTheXmlBooleanOneAsAReversal() {
		String xml = Camt054.notification("01202001", MST, Camt054.entry("RV1", "BOOK", true, "CAMT1", "1701", 1_000))
			.replace("<RvslInd>true</RvslInd>", "<RvslInd>1</RvslInd>");

		assertThat(this.reader.read(MST, xml).get(0).status()).isEqualTo(BankConfirmation.Status.REVERSED);
		assertRejected(xml.replace("<RvslInd>1</RvslInd>", "<RvslInd>yes</RvslInd>"), "invalid-field");
	}

	@Test
	void booksOnlyDebitsAsPaymentsAndCreditsAsReversals() {
		String payment = Camt054.notification("01202001", MST, Camt054.entry("CAMT1", "BOOK", false, null, "1701", 1_000));
		String reversal = Camt054.notification("01202001", MST, Camt054.entry("RV1", "BOOK", true, "CAMT1", "1701", 1_000));

		assertRejected(payment.replace("<CdtDbtInd>DBIT</CdtDbtInd>", "<CdtDbtInd>CRDT</CdtDbtInd>"), "invalid-field");
		assertRejected(payment.replace("<CdtDbtInd>DBIT</CdtDbtInd>", ""), "missing-field");
		assertRejected(reversal.replace("<CdtDbtInd>CRDT</CdtDbtInd>", "<CdtDbtInd>DBIT</CdtDbtInd>"), "invalid-field");
		assertRejected(payment.replace("<RvslInd>", "").replace("<CdtDbtInd>DBIT</CdtDbtInd>", "<CdtDbtInd>CRDT</CdtDbtInd>\n<RvslInd>false</RvslInd>"),
				"invalid-field");
	}

	@Test
	void checksTheExchangeRateLikeTheJsonReader() {
		String usd = Camt054.notification("01202001", MST, Camt054.entry("CAMT1", "BOOK", false, null, "1701", 100))
			.replace("Ccy=\"VND\"", "Ccy=\"USD\"")
			.replace("<RmtInf>",
					"<AmtDtls><InstdAmt><Amt Ccy=\"USD\">100</Amt><CcyXchg><SrcCcy>USD</SrcCcy><XchgRate>25450.5</XchgRate></CcyXchg></InstdAmt></AmtDtls><RmtInf>");

		assertThat(this.reader.read(MST, usd).get(0).exchangeRate()).isEqualByComparingTo("25450.5");
		assertRejected(usd.replace(">25450.5<", ">-25450.5<"), "invalid-currency");
		assertRejected(usd.replace(">25450.5<", ">0<"), "invalid-currency");
		assertRejected(usd.replace(">25450.5<", ">1E+20<"), "invalid-currency");
		assertRejected(usd.replace(">25450.5<", ">25450.12345<"), "invalid-currency");
	}

	@Test
	void refusesDoctypesEntitiesAndOtherDocuments() {
		String xml = Camt054.notification("01202001", MST, Camt054.entry("CAMT1", "BOOK", false, null, "1701", 1_000));
		assertRejected(xml.replace("<Document", "<!DOCTYPE Document [<!ENTITY x \"y\">]><Document"), "malformed-xml");
		assertRejected(xml.replace("camt.054.001.08", "camt.053.001.08"), "malformed-xml");
		assertRejected("<Document", "malformed-xml");
		assertRejected(xml.replace("<Sts><Cd>BOOK</Cd></Sts>", "<Sts><Cd>INFO</Cd></Sts>"), "unsupported-status");
		assertRejected(xml.replace("<Tp>754</Tp>", ""), "missing-field");
		assertRejected(xml.replace("<Tp>QTR1</Tp>", "<Tp>QTR5</Tp>"), "invalid-tax-period");
		assertRejected(xml.replace("<Tp>754</Tp>", "<Tp>" + "<x>".repeat(100_000) + "754" + "</x>".repeat(100_000) + "</Tp>"),
				"malformed-xml");
	}

	@Test
	void refusesANotificationWhoseEntriesWouldCopyTheMessageBeyondTheBound() {
		int fits = entriesWithin(Camt054Reader.MAX_COPIED_CHARACTERS);
		assertThat(this.reader.read(MST, notificationOf(fits))).hasSize(fits);
		assertThatExceptionOfType(InvalidConfirmationException.class)
			.isThrownBy(() -> this.reader.read(MST, notificationOf(fits + 1)))
			.satisfies((ex) -> assertThat(ex.reason().code()).isEqualTo("invalid-field"))
			.withMessageContaining((fits + 1) + " entries");
	}

	/** The most entries of {@link #notificationOf} whose count times the message's length stays within a bound. */
	private static int entriesWithin(long bound) {
		int entries = 1;
		while ((long) (entries + 1) * notificationOf(entries + 1).length() <= bound) {
			entries++;
		}
		return entries;
	}

	private static String notificationOf(int entries) {
		String[] each = new String[entries];
		for (int i = 0; i < entries; i++) {
			each[i] = Camt054.entry("CAMT" + i, "BOOK", false, null, "1701", 1_000 + i);
		}
		return Camt054.notification("01202001", MST, each);
	}

	private void assertRejected(String xml, String reason) {
		assertThatExceptionOfType(InvalidConfirmationException.class).isThrownBy(() -> this.reader.read(MST, xml))
			.satisfies((ex) -> assertThat(ex.reason().code()).isEqualTo(reason));
	}

}
