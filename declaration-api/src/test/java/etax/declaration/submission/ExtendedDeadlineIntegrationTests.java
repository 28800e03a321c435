package etax.declaration.submission;

import java.nio.charset.StandardCharsets;

import etax.devstack.LocalInfrastructureInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.declaration.submission.GeneratedReturns.finding;
import static etax.declaration.submission.GeneratedReturns.ruleIds;
import static etax.devstack.TestCallers.filer;
import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A return is held to the extension of its filing deadline in force at its postmark (VN-ETAX.md §3.5 R-DL-6,
 * ADR 0021): late only after the extended deadline, its tax due then (R-DL-4), and its receipt and notice say
 * which extension applied. The server's clock is at 10 May 2026, 10:00 in Vietnam: the sample Q1/2026 01/GTGT
 * was due on Monday 4 May, so without an extension it is 6 days late.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
@Import(TenthOfMay2026.class)
class ExtendedDeadlineIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void aReturnFiledAfterTheRegularDeadlineButWithinAnExtensionIsNotLateAndItsTaxIsDueThen() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String extension = grant(mst, "842", "Q", "1/2026", "2026-05-15");

		JsonNode receipt = file(SampleReturns.forTaxpayer(mst));

		assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(ruleIds(receipt)).as("filed before the extended deadline").isEmpty();
		assertThat(receipt.at("/extension/extensionId").asString()).isEqualTo(extension);
		assertThat(receipt.at("/extension/reason").asString()).isEqualTo("EPIDEMIC");
		assertThat(receipt.at("/extension/deadline").asString()).isEqualTo("2026-05-15");
		assertThat(receipt.get("payableItems").isEmpty()).isFalse();
		receipt.get("payableItems")
			.forEach((item) -> assertThat(item.get("dueDate").asString()).as("R-DL-4").isEqualTo("2026-05-15"));
		String code = receipt.get("transactionCode").asString();
		JsonNode stored = read("/api/v1/receipts/" + code);
		assertThat(stored.at("/extension/deadline").asString()).isEqualTo("2026-05-15");
		String notice = new String(this.mvc.perform(get("/api/v1/receipts/" + code).with(filer()).accept(MediaType.APPLICATION_XML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(notice).contains("<maLyDoGiaHan>EPIDEMIC</maLyDoGiaHan><lyDoGiaHan>Dịch bệnh</lyDoGiaHan>"
				+ "<hanNopGiaHan>2026-05-15</hanNopGiaHan>");
	}

	@Test
	void aReturnFiledAfterTheExtendedDeadlineIsLateByTheDaysAfterIt() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		grant(mst, "842", "Q", "1/2026", "2026-05-06");

		JsonNode receipt = file(SampleReturns.forTaxpayer(mst));

		assertThat(ruleIds(receipt)).containsExactly("CTX-DL-01");
		assertThat(finding(receipt, "CTX-DL-01").at("/message/en").asString())
			.startsWith("Filed 4 days after the extended deadline of 2026-05-06.")
			.contains("a warning with mitigating circumstances");
		assertThat(finding(receipt, "CTX-DL-01").at("/message/vi").asString())
			.startsWith("Nộp chậm 4 ngày so với hạn đã được gia hạn 2026-05-06.");
		assertThat(receipt.at("/extension/deadline").asString()).isEqualTo("2026-05-06");
		assertThat(receipt.at("/payableItems/0/dueDate").asString()).isEqualTo("2026-05-06");
	}

	@Test
	void anExtendedDeadlineOnAWeekendMovesToTheNextWorkingDay() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		grant(mst, "842", "Q", "1/2026", "2026-05-09");

		JsonNode receipt = file(SampleReturns.forTaxpayer(mst));

		assertThat(ruleIds(receipt)).as("9 May 2026 is a Saturday: the deadline is Monday 11 May").isEmpty();
		assertThat(receipt.at("/extension/deadline").asString()).isEqualTo("2026-05-11");
	}

	@Test
	void anExtensionOfAnotherFormPeriodOrTaxpayerLeavesTheReturnLate() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String other = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		grant(mst, "842", "Q", "4/2025", "2026-02-20");
		grant(mst, "844", "Q", "1/2026", "2026-05-20");
		grant(other, "842", "Q", "1/2026", "2026-05-20");

		JsonNode receipt = file(SampleReturns.forTaxpayer(mst));

		assertThat(ruleIds(receipt)).containsExactly("CTX-DL-01");
		assertThat(finding(receipt, "CTX-DL-01").at("/message/en").asString())
			.startsWith("Filed 6 days after the deadline of 2026-05-04.");
		assertThat(receipt.get("extension").isNull()).isTrue();
		assertThat(receipt.at("/payableItems/0/dueDate").asString()).isEqualTo("2026-05-04");
	}

	@Test
	void aRevokedExtensionNoLongerApplies() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String extension = grant(mst, "842", "Q", "1/2026", "2026-05-15");
		this.mvc.perform(post("/api/v1/taxpayers/" + mst + "/extensions/" + extension + "/revocation").with(officer()))
			.andExpect(status().isCreated());

		JsonNode receipt = file(SampleReturns.forTaxpayer(mst));

		assertThat(ruleIds(receipt)).containsExactly("CTX-DL-01");
		assertThat(receipt.get("extension").isNull()).isTrue();
		assertThat(receipt.at("/payableItems/0/dueDate").asString()).isEqualTo("2026-05-04");
	}

	/**
	 * What a supplement adds is due when the tax it corrects was: on the extended deadline its original was held to,
	 * though the extension was revoked before the supplement was filed.
	 */
	@Test
	void aSupplementsTaxIsDueOnTheDeadlineItsOriginalWasHeldTo() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String extension = grant(mst, "842", "Q", "1/2026", "2026-05-15");
		assertThat(file(SampleReturns.forTaxpayer(mst)).at("/payableItems/0/dueDate").asString())
			.isEqualTo("2026-05-15");
		this.mvc.perform(post("/api/v1/taxpayers/" + mst + "/extensions/" + extension + "/revocation").with(officer()))
			.andExpect(status().isCreated());

		long lower = 1_000_000;
		String supplement = SampleReturns.supplement(SampleReturns.forTaxpayer(mst), 1);
		supplement = SampleReturns.with(supplement, "ct25", String.valueOf(48_000_000 - lower));
		supplement = SampleReturns.with(supplement, "ct36", String.valueOf(34_000_000 + lower));
		supplement = SampleReturns.with(supplement, "ct40a", String.valueOf(22_000_000 + lower));
		supplement = SampleReturns.with(supplement, "ct40", String.valueOf(22_000_000 + lower));
		JsonNode receipt = file(SampleReturns.explaining(supplement, "40", 22_000_000, 22_000_000 + lower));

		assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(receipt.get("extension").isNull()).as("no extension in force at its postmark").isTrue();
		assertThat(receipt.at("/payableItems/0/amount").asLong()).isEqualTo(lower);
		assertThat(receipt.at("/payableItems/0/dueDate").asString()).isEqualTo("2026-05-15");
	}

	/** Grants an extension for an epidemic, requested in January 2026, as a national officer; returns its id. */
	private String grant(String mst, String maTKhai, String kind, String period, String deadline) throws Exception {
		return this.json.readTree(this.mvc
			.perform(post("/api/v1/taxpayers/" + mst + "/extensions").with(officer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"maTKhai\":\"" + maTKhai + "\",\"periodKind\":\"" + kind + "\",\"period\":\"" + period
						+ "\",\"reason\":\"EPIDEMIC\",\"requestedOn\":\"2026-01-20\",\"deadline\":\"" + deadline + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").asString();
	}

	private JsonNode read(String path) throws Exception {
		return this.json.readTree(
				this.mvc.perform(get(path).with(filer())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private JsonNode file(String xml) throws Exception {
		return this.json.readTree(this.mvc
			.perform(post("/api/v1/returns").with(filer())
				.contentType(MediaType.APPLICATION_XML)
				.content(xml.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
