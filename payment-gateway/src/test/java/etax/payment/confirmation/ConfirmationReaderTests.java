package etax.payment.confirmation;

import java.math.BigDecimal;
import java.time.LocalDate;

import etax.ids.TaxpayerId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConfirmationReaderTests {

	private static final String MST = "0313829148";

	private static final String EXAMPLE = """
			{"version":1,"bankCode":"01202001","bankReference":"VCB2026042000000123","voucherNumber":"GNT-000123",
			 "payerMst":"0313829148","currency":"VND","amount":22000000,"paymentDate":"2026-04-20","status":"DEBITED",
			 "sentAt":"2026-04-20T09:15:00+07:00","treasuryCode":"0111","treasuryAccount":"7111",
			 "collectingAgencyCode":"1054321","areaCode":"79760",
			 "lines":[{"chapter":"754","subItem":"1701","taxPeriod":"00/Q1/2026","amount":22000000,"payableItemId":null}]}""";

	private final ConfirmationReader reader = new ConfirmationReader();

	@Test
	void readsTheExampleOfTheContract() {
		BankConfirmation confirmation = this.reader.read(MST, EXAMPLE);

		assertThat(confirmation.bankCode()).isEqualTo("01202001");
		assertThat(confirmation.bankReference()).isEqualTo("VCB2026042000000123");
		assertThat(confirmation.payer()).isEqualTo(new TaxpayerId(MST));
		assertThat(confirmation.amount()).isEqualByComparingTo("22000000");
		assertThat(confirmation.paymentDate()).isEqualTo(LocalDate.of(2026, 4, 20));
		assertThat(confirmation.lines()).singleElement().satisfies((line) -> {
			assertThat(line.chapter()).isEqualTo("754");
			assertThat(line.subItem()).isEqualTo("1701");
			assertThat(line.taxPeriod().kind()).isEqualTo(TaxPeriod.Kind.QUARTER);
			assertThat(line.payableItemId()).isNull();
		});
	}

	@Test
	void ignoresLayoutPropertyOrderAndUnknownPropertiesInTheContentHash() {
		String reordered = """
				{"lines":[{"amount":22000000.0,"taxPeriod":"00/Q1/2026","subItem":"1701","chapter":"754"}],
				 "areaCode":"79760","treasuryAccount":"7111","treasuryCode":"0111","status":"DEBITED",
				 "paymentDate":"2026-04-20","amount":2.2E7,"currency":"VND","payerMst":"0313829148",
				 "sentAt":"2026-04-20T10:00:00+07:00","collectingAgencyCode":"1054321",
				 "voucherNumber":"GNT-000123","bankReference":"VCB2026042000000123","bankCode":"01202001","version":1,
				 "channel":"mobile"}""";

		assertThat(this.reader.read(MST, reordered).contentHash())
			.isEqualTo(this.reader.read(MST, EXAMPLE).contentHash());
		assertThat(this.reader.read(MST, EXAMPLE.replace("22000000", "21000000")).contentHash())
			.isNotEqualTo(this.reader.read(MST, EXAMPLE).contentHash());
	}

	/**
	 * The key is the payer's MST as one MST is written once: Kafka partitions by its bytes, and a payment keyed one
	 * way and its reversal keyed another went to two partitions, out of order. The payer in the value may be written
	 * either way.
	 */
	@Test
	void refusesTheKeyInAnotherFormOfTheSameMst() {
		String branch = EXAMPLE.replace("\"0313829148\"", "\"0313829148001\"");

		assertThat(this.reader.read("0313829148-001", branch).payer()).isEqualTo(new TaxpayerId("0313829148-001"));
		assertRejected("0313829148001", branch, "key-mismatch");
		assertRejected(" 0313829148-001", branch, "key-mismatch");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			not json                    | {"version":1,                                        | malformed-json
			two documents               | {} {}                                                | malformed-json
			an array                    | []                                                   | malformed-json
			a property twice            | {"version":1,"version":1}                            | malformed-json
			""")
	void rejectsMalformedValues(String name, String value, String reason) {
		assertRejected(MST, value, reason);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			version 2            | "version":1                              | "version":2                                         | unsupported-version
			no version           | "version":1,                             | ''                                                  | unsupported-version
			no bank code         | "bankCode":"01202001",                   | ''                                                  | missing-field
			bank code null       | "bankCode":"01202001"                    | "bankCode":null                                     | missing-field
			bank code a number   | "bankCode":"01202001"                    | "bankCode":1202001                                  | invalid-field
			short bank code      | "bankCode":"01202001"                    | "bankCode":"0120"                                   | invalid-field
			check digit          | "payerMst":"0313829148"                  | "payerMst":"0313829149"                             | invalid-mst
			remainder zero       | "payerMst":"0313829148"                  | "payerMst":"0313829170"                             | invalid-mst
			other taxpayer       | "payerMst":"0313829148"                  | "payerMst":"3500779171"                             | key-mismatch
			dollars              | "currency":"VND"                         | "currency":"USD"                                    | invalid-currency
			zero                 | "amount":22000000,                       | "amount":0,                                         | invalid-amount
			fraction             | "amount":22000000,                       | "amount":22000000.5,                                | invalid-amount
			as text              | "amount":22000000,                       | "amount":"22000000",                                | invalid-amount
			local date format    | "paymentDate":"2026-04-20"               | "paymentDate":"20/04/2026"                          | invalid-field
			not a status         | "status":"DEBITED"                       | "status":"BOUNCED"                                  | unsupported-status
			reversal of nothing  | "status":"DEBITED"                       | "status":"REVERSED"                                 | invalid-field
			rate for VND         | "currency":"VND"                         | "currency":"VND","exchangeRate":25000               | invalid-currency
			local sent time      | "sentAt":"2026-04-20T09:15:00+07:00"     | "sentAt":"2026-04-20T09:15:00"                      | invalid-field
			no agency            | "collectingAgencyCode":"1054321",        | ''                                                  | missing-field
			no lines             | "lines":[{                               | "lines":[],"x":[{                                   | invalid-field
			period               | "taxPeriod":"00/Q1/2026"                 | "taxPeriod":"Q1/2026"                               | invalid-tax-period
			line amount negative | "amount":22000000,"payableItemId"        | "amount":-22000000,"payableItemId"                  | invalid-amount
			lines do not sum     | "amount":22000000,"payableItemId"        | "amount":21000000,"payableItemId"                   | lines-do-not-sum
			""")
	void rejectsInvalidConfirmations(String name, String original, String replacement, String reason) {
		String value = EXAMPLE.replace(original, replacement);
		assertThat(value).as("the test changes the example").isNotEqualTo(EXAMPLE);
		assertRejected(MST, value, reason);
	}

	@Test
	void readsAForeignCurrencyVoucherWithItsRate() {
		String usd = EXAMPLE.replace("\"currency\":\"VND\"", "\"currency\":\"USD\",\"exchangeRate\":25450.5")
			.replace("22000000", "864.25");

		BankConfirmation confirmation = this.reader.read(MST, usd);

		assertThat(confirmation.currency()).isEqualTo("USD");
		assertThat(confirmation.amountVnd()).isEqualByComparingTo("21995595");
		assertThatExceptionOfType(InvalidConfirmationException.class)
			.isThrownBy(() -> this.reader.read(MST, usd.replace("864.25", "864.255")))
			.satisfies((ex) -> assertThat(ex.reason().code()).isEqualTo("invalid-amount"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			VND value over numeric(18,0)  | 99999999999999 | 999999999999999999 | invalid-amount
			VND value rounding to 0       | 0.0001         | 0.01               | invalid-amount
			rate with a huge exponent     | 1e2147483647   | 1                  | invalid-currency
			negative rate                 | -25000         | 1                  | invalid-currency
			""")
	void rejectsForeignAmountsTheLedgerCannotHold(String name, String rate, String amount, String reason) {
		String usd = EXAMPLE.replace("\"currency\":\"VND\"", "\"currency\":\"USD\",\"exchangeRate\":" + rate)
			.replace("22000000", amount);

		assertRejected(MST, usd, reason);
	}

	@Test
	void rejectsAnAmountWithAHugeExponentWithoutWritingItOut() {
		assertRejected(MST, EXAMPLE.replace(":22000000,\"paymentDate\"", ":1e999999999,\"paymentDate\""),
				"invalid-amount");
		assertRejected(MST, EXAMPLE.replace(":22000000,\"payableItemId\"", ":1e999999999,\"payableItemId\""),
				"invalid-amount");
	}

	@Test
	void rejectsJsonNestedDeeperThanTheParserAllows() {
		assertRejected(MST, "[".repeat(1000) + "]".repeat(1000), "malformed-json");
		assertRejected(MST, EXAMPLE.replace("\"version\":1", "\"x\":" + "[".repeat(2000) + "]".repeat(2000) + ",\"version\":1"),
				"malformed-json");
	}

	@ParameterizedTest
	@CsvSource({ "00/Q1/1900", "00/CN/2099", "31/12/2015", "00/01/2028" })
	void rejectsTaxYearsFarFromThePaymentDate(String period) {
		assertRejected(MST, EXAMPLE.replace("00/Q1/2026", period), "invalid-tax-period");
	}

	@ParameterizedTest
	@CsvSource({ "00/Q1/2016", "00/CN/2027" })
	void acceptsTaxYearsFromTenYearsBeforeToTheYearAfter(String period) {
		assertThat(this.reader.read(MST, EXAMPLE.replace("00/Q1/2026", period)).lines().get(0).taxPeriod().value())
			.isEqualTo(period);
	}

	@Test
	void leavesAReversalsTaxYearsToThePaymentItReverses() {
		// a payment of 2015 on 2025-12-31, reversed on 2026-01-05: Reversals requires the payment's lines
		String reversal = EXAMPLE.replace("00/Q1/2026", "00/CN/2015")
			.replace("\"paymentDate\":\"2026-04-20\"", "\"paymentDate\":\"2026-01-05\"")
			.replace("\"status\":\"DEBITED\"", "\"status\":\"REVERSED\",\"reversalOf\":\"VCB2025123100000001\"");

		assertThat(this.reader.read(MST, reversal).lines().get(0).taxPeriod().value()).isEqualTo("00/CN/2015");
		assertRejected(MST, reversal.replace("\"status\":\"REVERSED\",\"reversalOf\":\"VCB2025123100000001\"",
				"\"status\":\"DEBITED\""), "invalid-tax-period");
	}

	@Test
	void rejectsAMissingKey() {
		assertRejected(null, EXAMPLE, "key-mismatch");
	}

	@Test
	void neverRepeatsTheMstInTheDetail() {
		assertThatExceptionOfType(InvalidConfirmationException.class)
			.isThrownBy(() -> this.reader.read("0313829149", EXAMPLE.replace(MST, "0313829149")))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("0313829149"));
		assertThatExceptionOfType(InvalidConfirmationException.class)
			.isThrownBy(() -> this.reader.read(MST, "{\"payerMst\":0313829148}"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("313829148"));
	}

	@Test
	void keepsAmountsWhole() {
		assertThat(this.reader.read(MST, EXAMPLE.replace(":22000000,", ":22000000.00,")).amount())
			.isEqualTo(new BigDecimal("22000000"));
	}

	private void assertRejected(String key, String value, String reason) {
		assertThatExceptionOfType(InvalidConfirmationException.class).isThrownBy(() -> this.reader.read(key, value))
			.satisfies((ex) -> assertThat(ex.reason().code()).isEqualTo(reason));
	}

}
