package etax.declaration.submission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import etax.declaration.RequiredSignatures;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TokenIssuer;
import etax.devstack.pki.ReturnSigner;
import etax.devstack.pki.TestPki;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.TestCallers.bearer;
import static etax.devstack.TestCallers.filer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The intake with signatures required, as in production: the signature rules decide acceptance. */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class SignedFilingIntegrationTests {

	static final TestPki PKI = TestPki.create();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@DynamicPropertySource
	static void signatures(DynamicPropertyRegistry registry) throws IOException {
		RequiredSignatures.trusting(PKI, registry);
	}

	@Test
	void acceptsAReturnSignedByTheTaxpayer() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String signed = new ReturnSigner(PKI.issue(mst, "CÔNG TY THỬ NGHIỆM")).sign(SampleReturns.forTaxpayer(mst));

		JsonNode receipt = file(signed);

		assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(ruleIds(receipt)).containsExactly("CTX-DL-01");
	}

	@Test
	void rejectsATamperedAnUnsignedAndAnotherTaxpayersSignature() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String signed = new ReturnSigner(PKI.issue(mst, "CÔNG TY THỬ NGHIỆM")).sign(SampleReturns.forTaxpayer(mst));
		String tampered = signed.replace("<ct40>22000000</ct40>", "<ct40>2000000</ct40>");
		String other = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String signedByOther = new ReturnSigner(PKI.issue(SampleReturns.newMst(), "KHÁC"))
			.sign(SampleReturns.forTaxpayer(other));

		assertThat(ruleIds(file(tampered))).contains("SIG-3");
		assertThat(ruleIds(file(SampleReturns.forTaxpayer(SampleReturns.registeredTaxpayer(this.jdbc, "Q")))))
			.contains("SIG-1");
		assertThat(ruleIds(file(signedByOther))).contains("SIG-7");
	}

	@Test
	void aReturnNotAcceptedForItsSignatureIsAcceptedWhenSentAgainCorrectlySigned() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String xml = SampleReturns.forTaxpayer(mst);
		String wronglySigned = new ReturnSigner(PKI.issue(SampleReturns.newMst(), "KHÁC")).sign(xml);
		String rightlySigned = new ReturnSigner(PKI.issue(mst, "CÔNG TY THỬ NGHIỆM")).sign(xml);
		JsonNode refused = file(wronglySigned);
		assertThat(ruleIds(refused)).contains("SIG-7");

		JsonNode fixed = file(rightlySigned);

		assertThat(fixed.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(fixed.get("transactionCode")).isNotEqualTo(refused.get("transactionCode"));
	}

	@Test
	void aTvansUnsignedCopyDoesNotBlockTheTaxpayersOwnFiling() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String xml = SampleReturns.forTaxpayer(mst);
		assertThat(ruleIds(file(xml))).contains("SIG-1");

		JsonNode own = this.json.readTree(this.mvc
			.perform(post("/api/v1/returns").with(bearer(TokenIssuer.local().taxpayer(mst)))
				.contentType(MediaType.APPLICATION_XML)
				.content(new ReturnSigner(PKI.issue(mst, "CÔNG TY THỬ NGHIỆM")).sign(xml).getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());

		assertThat(own.get("status").asString()).isEqualTo("ACCEPTED");
	}

	/**
	 * A T-VAN may file for any taxpayer: a return the signature refuses must not tell it anything of the taxpayer's
	 * records, such as the transaction code of the return in force or the office that manages the taxpayer.
	 */
	@Test
	void aReturnTheSignatureRefusesQuotesNothingOfTheTaxpayersRecords() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String xml = SampleReturns.forTaxpayer(mst);
		this.mvc
			.perform(post("/api/v1/returns").with(bearer(TokenIssuer.local().taxpayer(mst)))
				.contentType(MediaType.APPLICATION_XML)
				.content(new ReturnSigner(PKI.issue(mst, "CÔNG TY THỬ NGHIỆM")).sign(xml).getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isCreated());
		String madeUp = SampleReturns.with(xml, "maCQTNoiNop", "70131");

		JsonNode refused = file(madeUp);

		assertThat(ruleIds(refused)).contains("SIG-1").doesNotContain("CTX-DUP-01", "CTX-ID-05");
		assertThat(refused.toString()).doesNotContain("99999");
		String signed = new ReturnSigner(PKI.issue(mst, "CÔNG TY THỬ NGHIỆM")).sign(madeUp);
		assertThat(ruleIds(file(signed))).as("the same return signed by the taxpayer").contains("CTX-DUP-01", "CTX-ID-05");
	}

	/** The dry run answers as filing does: a return the signature refuses quotes nothing of the taxpayer's returns. */
	@Test
	void aDryRunOfAReturnTheSignatureRefusesQuotesNothingOfTheTaxpayersReturns() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String xml = SampleReturns.forTaxpayer(mst);
		assertThat(file(new ReturnSigner(PKI.issue(mst, "CÔNG TY THỬ NGHIỆM")).sign(xml)).get("status").asString())
			.isEqualTo("ACCEPTED");

		JsonNode refused = validate(SampleReturns.with(xml, "maCQTNoiNop", "70131"));

		assertThat(ruleIds(refused)).contains("SIG-1").doesNotContain("CTX-DUP-01");
		String signed = new ReturnSigner(PKI.issue(mst, "CÔNG TY THỬ NGHIỆM"))
			.sign(SampleReturns.with(xml, "maCQTNoiNop", "70131"));
		assertThat(ruleIds(validate(signed))).as("the same return signed by the taxpayer").contains("CTX-DUP-01");
	}

	/**
	 * A taxpayer no longer active is found before the signature is verified, and the rules stop there: a return made
	 * up for it quotes nothing of its returns either, filed or checked.
	 */
	@Test
	void aReturnForATaxpayerNoLongerActiveQuotesNothingOfItsReturns() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String xml = SampleReturns.forTaxpayer(mst);
		assertThat(file(new ReturnSigner(PKI.issue(mst, "CÔNG TY THỬ NGHIỆM")).sign(xml)).get("status").asString())
			.isEqualTo("ACCEPTED");
		this.jdbc.sql("UPDATE filing.taxpayer SET status = 'SUSPENDED' WHERE mst = ?").param(mst).update();
		String madeUp = SampleReturns.with(xml, "maCQTNoiNop", "70131");

		assertThat(ruleIds(validate(madeUp))).containsExactly("CTX-ID-02");
		assertThat(ruleIds(file(madeUp))).containsExactly("CTX-ID-02");
	}

	/**
	 * A return nobody vouched for (unsigned, or signed in an agent's name by a certificate of no trusted CA) is
	 * refused by its signature alone: the taxpayer's filing frequency, its agents' contracts and its deadline's
	 * extensions are its records, and a T-VAN's dry run of a made-up return must not learn them. Signed by the
	 * taxpayer, the same return is judged by them.
	 */
	@Test
	void aReturnNobodyVouchedForLearnsNothingOfTheTaxpayersRecords() throws Exception {
		String agent = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		String monthly = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		String quarterlyByAnAgentWithoutContract = SampleReturns.withAgent(SampleReturns.forTaxpayer(monthly), agent);

		assertThat(ruleIds(validate(quarterlyByAnAgentWithoutContract))).as("unsigned").containsExactly("SIG-1");
		assertThat(ruleIds(validate(new ReturnSigner(TestPki.untrusted().issue(agent, "ĐẠI LÝ GIẢ"))
			.sign(quarterlyByAnAgentWithoutContract)))).as("an untrusted certificate in the agent's name")
			.containsExactly("SIG-5");
		assertThat(ruleIds(validate(new ReturnSigner(PKI.issue(monthly, "CÔNG TY THỬ NGHIỆM"))
			.sign(quarterlyByAnAgentWithoutContract)))).as("vouched for by the taxpayer")
			.contains("CTX-ID-04", "CTX-PER-03");
	}

	private JsonNode validate(String xml) throws Exception {
		return send("/api/v1/returns:validate", xml, 200);
	}

	private JsonNode file(String xml) throws Exception {
		return send("/api/v1/returns", xml, 201);
	}

	private JsonNode send(String path, String xml, int expectedStatus) throws Exception {
		return this.json.readTree(this.mvc
			.perform(post(path).with(filer())
				.contentType(MediaType.APPLICATION_XML)
				.content(xml.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().is(expectedStatus))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static List<String> ruleIds(JsonNode receipt) {
		return receipt.get("findings").valueStream().map((finding) -> finding.get("ruleId").asString()).toList();
	}

}
