package etax.declaration.signature;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import etax.devstack.pki.ReturnSigner;
import etax.devstack.pki.SigningIdentity;
import etax.devstack.pki.TestPki;
import etax.devstack.pki.TrustStoreFile;
import etax.schemas.Finding;
import etax.schemas.ReturnHeader;
import etax.schemas.ReturnValidator;
import etax.schemas.Severity;
import etax.schemas.Validation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static etax.declaration.signature.SignedReturns.AGENT_MST;
import static etax.declaration.signature.SignedReturns.MST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class SignatureVerificationTests {

	static final TestPki PKI = TestPki.create();

	static final SigningIdentity TAXPAYER = PKI.issue(MST, "CÔNG TY TNHH VÍ DỤ");

	static final SigningIdentity AGENT = PKI.issue(AGENT_MST, "CÔNG TY ĐẠI LÝ THUẾ VÍ DỤ");

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-20T03:00:00Z"), ZoneOffset.UTC);

	static final LocalDate SIGNED_ON = LocalDate.of(2026, 4, 15);

	static final LocalDate Q1_2026 = LocalDate.of(2026, 1, 1);

	static final String CERTIFICATE = "/HSoThueDTu/CKyDTu/Signature/KeyInfo/X509Data/X509Certificate";

	@TempDir
	static Path dir;

	static SignatureVerification verification;

	@BeforeAll
	static void trustTheTestPki() {
		verification = verification(PKI.writeTrustStore(dir.resolve("trust.p12")), List.of(), true);
	}

	@Test
	void aReturnSignedWithRsaSha256ByTheTaxpayerPasses() {
		byte[] signed = SignedReturns.signed(TAXPAYER);
		Validation.Receivable validated = (Validation.Receivable) ReturnValidator.withDefaults().validate(signed);

		assertThat(SignedReturns.verify(verification, signed, onItsSigningDay(validated.document().header())))
			.isEmpty();
	}

	@Test
	void aBodyChangedAfterSigningBreaksTheDigest() {
		byte[] tampered = SignedReturns.replace(SignedReturns.signed(TAXPAYER), "<ct40>22000000</ct40>",
				"<ct40>2000000</ct40>");

		List<Finding> findings = SignedReturns.verify(verification, tampered, taxpayer());

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.ruleId()).isEqualTo("SIG-3");
			assertThat(finding.severity()).isEqualTo(Severity.REJECT);
			assertThat(finding.xpath()).isEqualTo("/HSoThueDTu/CKyDTu/Signature/SignedInfo/Reference/DigestValue");
			assertThat(finding.message().vi()).isNotBlank();
			assertThat(finding.remedy().en()).isNotBlank();
		});
	}

	@Test
	void aChangedSignatureValueIsTamperingToo() {
		String signed = SignedReturns.text(SignedReturns.signed(TAXPAYER));
		int start = signed.indexOf("<SignatureValue>") + "<SignatureValue>".length();
		char first = signed.charAt(start);
		byte[] tampered = (signed.substring(0, start) + ((first == 'A') ? 'B' : 'A') + signed.substring(start + 1))
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);

		assertThat(SignedReturns.verify(verification, tampered, taxpayer())).singleElement()
			.satisfies((finding) -> assertThat(finding.xpath()).isEqualTo("/HSoThueDTu/CKyDTu/Signature/SignatureValue"))
			.extracting(Finding::ruleId)
			.isEqualTo("SIG-3");
	}

	@Test
	void aCertificateOfAnotherTaxpayerBreaksTheMstRule() {
		byte[] signed = SignedReturns.signed(PKI.issue("0100231226", "SOMEONE ELSE"));

		assertThat(SignedReturns.verify(verification, signed, taxpayer())).singleElement().satisfies((finding) -> {
			assertThat(finding.ruleId()).isEqualTo("SIG-7");
			assertThat(finding.xpath()).isEqualTo(CERTIFICATE);
			assertThat(finding.value()).isEqualTo("MST:0100231226");
		});
	}

	@Test
	void anAgentUnderContractMaySignButNotWithoutOne() {
		byte[] signed = SignedReturns.signed(AGENT);
		AgentContracts contract = (agent, taxpayer) -> agent.equals(AGENT_MST) && taxpayer.equals(MST);

		assertThat(SignedReturns.verify(verification, signed, context(MST, AGENT_MST, contract))).isEmpty();
		assertThat(ruleIds(SignedReturns.verify(verification, signed, context(MST, AGENT_MST, AgentContracts.none()))))
			.containsExactly("SIG-7");
		assertThat(ruleIds(SignedReturns.verify(verification, signed, context(MST, null, (agent, taxpayer) -> true))))
			.as("an agent must be named in DLyThue")
			.containsExactly("SIG-7");
	}

	@Test
	void aBranchReturnMayBeSignedWithTheBranchOrTheParentCertificate() {
		SigningIdentity branch = PKI.issue(MST + "-001", "CHI NHÁNH");

		assertThat(SignedReturns.verify(verification, SignedReturns.signed(TAXPAYER), context(MST + "-001", null, AgentContracts.none())))
			.isEmpty();
		assertThat(SignedReturns.verify(verification, SignedReturns.signed(branch), context(MST + "001", null, AgentContracts.none())))
			.isEmpty();
		assertThat(ruleIds(SignedReturns.verify(verification, SignedReturns.signed(branch), taxpayer())))
			.as("a branch certificate does not sign for the head office")
			.containsExactly("SIG-7");
	}

	@Test
	void aHeadOfficeCertificateWritingTheSuffix000SignsForTheHeadOfficeAndItsBranches() {
		SigningIdentity headOffice = PKI.issue(MST + "000", "CÔNG TY");

		assertThat(SignedReturns.verify(verification, SignedReturns.signed(headOffice), taxpayer())).isEmpty();
		assertThat(SignedReturns.verify(verification, SignedReturns.signed(headOffice),
				context(MST + "-001", null, AgentContracts.none())))
			.isEmpty();
	}

	@Test
	void aCertificateNotValidOnTheSigningDateBreaksTheValidityRule() {
		SigningIdentity expired = PKI.issue(MST, "EXPIRED", Instant.parse("2024-01-01T00:00:00Z"),
				Instant.parse("2026-04-14T16:59:59Z"));
		SigningIdentity notYetValid = PKI.issue(MST, "NOT YET VALID", Instant.parse("2026-04-15T17:00:00Z"),
				Instant.parse("2028-01-01T00:00:00Z"));
		SigningIdentity validThatAfternoon = PKI.issue(MST, "NEW", Instant.parse("2026-04-15T08:00:00Z"),
				Instant.parse("2028-01-01T00:00:00Z"));

		assertThat(SignedReturns.verify(verification, SignedReturns.signed(expired), taxpayer())).singleElement().satisfies((finding) -> {
			assertThat(finding.ruleId()).isEqualTo("SIG-6");
			assertThat(finding.value()).isEqualTo("2024-01-01T00:00:00Z/2026-04-14T16:59:59Z");
		});
		assertThat(ruleIds(SignedReturns.verify(verification, SignedReturns.signed(notYetValid), taxpayer()))).containsExactly("SIG-6");
		assertThat(SignedReturns.verify(verification, SignedReturns.signed(validThatAfternoon), taxpayer())).isEmpty();
		SigningIdentity madeUp = TestPki.untrusted().issue(MST, "EXPIRED, OF NO TRUSTED CA",
				Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2026-04-14T16:59:59Z"));
		assertThat(ruleIds(SignedReturns.verify(verification, SignedReturns.signed(madeUp), taxpayer())))
			.as("the day a certificate nobody vouches for is judged on may come from the taxpayer's records")
			.containsExactly("SIG-5");
	}

	@Test
	void aCertificateOfAnUntrustedCaBreaksTheChainRule() {
		TestPki untrusted = TestPki.untrusted();

		List<Finding> findings = SignedReturns.verify(verification, SignedReturns.signed(untrusted.issue(MST, "FORGED")), taxpayer());

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.ruleId()).isEqualTo("SIG-5");
			assertThat(finding.value()).isEqualTo(untrusted.issuingCa().getSubjectX500Principal().getName());
		});
		assertThat(ruleIds(SignedReturns.verify(verification, 
				new ReturnSigner(untrusted.issue(MST, "FORGED")).withIssuerCertificates().sign(SignedReturns.unsigned()),
				taxpayer())))
			.as("shipping the untrusted CA in X509Data does not help")
			.containsExactly("SIG-5");
	}

	@Test
	void rsaSha1IsAcceptedOnlyForPeriodsBefore2022() {
		byte[] historic = new ReturnSigner(TAXPAYER, ReturnSigner.Algorithm.RSA_SHA1).sign(SignedReturns.unsigned2021());
		byte[] current = new ReturnSigner(TAXPAYER, ReturnSigner.Algorithm.RSA_SHA1).sign(SignedReturns.unsigned());
		Validation.Receivable validated = (Validation.Receivable) ReturnValidator.withDefaults().validate(historic);

		assertThat(SignedReturns.verify(verification, historic, onItsSigningDay(validated.document().header())))
			.isEmpty();
		List<Finding> findings = SignedReturns.verify(verification, current, taxpayer());
		assertThat(ruleIds(findings)).containsOnly("SIG-4");
		assertThat(findings).extracting(Finding::xpath)
			.containsExactly("/HSoThueDTu/CKyDTu/Signature/SignedInfo/SignatureMethod",
					"/HSoThueDTu/CKyDTu/Signature/SignedInfo/Reference/DigestMethod");
		assertThat(findings.get(0).value()).isEqualTo("http://www.w3.org/2000/09/xmldsig#rsa-sha1");
		assertThat(findings.get(0).message().en()).contains("before 2022-01-01");
		assertThat(findings.get(0).message().vi()).contains("trước ngày 01/01/2022");
	}

	/**
	 * The cut-off that ends RSA-SHA1 ends 1024-bit RSA keys too: a period from 2022 on is signed with a key of 2048
	 * bits or more, an earlier one (a historic return, a supplement of one) with 1024 or more.
	 */
	@Test
	void a1024BitKeyIsAcceptedOnlyForPeriodsBefore2022() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(1024);
		SigningIdentity shortKey = PKI.issue(TestPki.subject(MST, "KHÓA 1024 BIT"), TestPki.DEFAULT_NOT_BEFORE,
				TestPki.DEFAULT_NOT_AFTER, generator.generateKeyPair());

		assertThat(SignedReturns.verify(verification, SignedReturns.signed(shortKey), taxpayer())).singleElement()
			.satisfies((finding) -> {
				assertThat(finding.ruleId()).isEqualTo("SIG-4");
				assertThat(finding.xpath()).isEqualTo(CERTIFICATE);
				assertThat(finding.value()).isEqualTo("RSA 1024 bits");
				assertThat(finding.message().en()).contains("RSA key of 2048 bits or more")
					.contains("RSA keys of 1024 bits or more only for returns whose tax period starts before "
							+ "2022-01-01");
				assertThat(finding.message().vi()).contains("khóa RSA từ 2048 bit")
					.contains("trước ngày 01/01/2022");
			});
		assertThat(SignedReturns.verify(verification, new ReturnSigner(shortKey).sign(SignedReturns.unsigned2021()),
				context2021()))
			.isEmpty();
		assertThat(SignedReturns.verify(verification,
				new ReturnSigner(shortKey, ReturnSigner.Algorithm.RSA_SHA1).sign(SignedReturns.unsigned2021()),
				context2021()))
			.isEmpty();
		assertThat(SignedReturns.verify(verification, SignedReturns.signed(TAXPAYER), taxpayer())).as("2048 bits")
			.isEmpty();
	}

	@Test
	void aTamperedHistoricSignatureIsStillCaught() {
		byte[] historic = new ReturnSigner(TAXPAYER, ReturnSigner.Algorithm.RSA_SHA1).sign(SignedReturns.unsigned2021());
		byte[] tampered = SignedReturns.replace(historic, "<ct40>22000000</ct40>", "<ct40>2000000</ct40>");

		assertThat(ruleIds(SignedReturns.verify(verification, tampered, context2021()))).containsExactly("SIG-3");
	}

	@Test
	void anElementOfTheSignatureWithTheReturnsIdBreaksTheStructureRule() {
		byte[] historic = new ReturnSigner(TAXPAYER, ReturnSigner.Algorithm.RSA_SHA1).sign(SignedReturns.unsigned2021());

		// read without the JDK's secure validation, the signature would register its KeyInfo as #ID_1 in the
		// return's place, and a signature over a certificate would then pass for one over any return
		assertThat(SignedReturns.verify(verification, SignedReturns.replace(historic, "<KeyInfo>", "<KeyInfo Id=\"ID_1\">"),
				context2021()))
			.singleElement()
			.satisfies((finding) -> {
				assertThat(finding.ruleId()).isEqualTo("SIG-2");
				assertThat(finding.value()).contains("Duplicate ID ID_1");
			});
	}

	@Test
	void moreCertificatesThanAPathHoldsBreakTheStructureRule() {
		String signed = SignedReturns.text(SignedReturns.signed(TAXPAYER));
		String certificate = signed.substring(signed.indexOf("<X509Certificate>"),
				signed.indexOf("</X509Certificate>") + "</X509Certificate>".length());
		byte[] crowded = SignedReturns.replace(signed.getBytes(StandardCharsets.UTF_8), certificate,
				certificate.repeat(SignatureParts.MAX_CERTIFICATES + 1));

		assertThat(ruleIds(SignedReturns.verify(verification, crowded, taxpayer()))).containsExactly("SIG-2");
	}

	@Test
	void anUnsignedReturnBreaksTheMissingRuleWhenSignaturesAreRequired() {
		assertThat(SignedReturns.verify(verification, SignedReturns.unsigned(), taxpayer())).singleElement().satisfies((finding) -> {
			assertThat(finding.ruleId()).isEqualTo("SIG-1");
			assertThat(finding.xpath()).isEqualTo("/HSoThueDTu/CKyDTu");
		});
		SignatureVerification optional = verification(PKI.writeTrustStore(dir.resolve("optional.p12")), List.of(),
				false);
		assertThat(SignedReturns.verify(optional, SignedReturns.unsigned(), taxpayer())).isEmpty();
		assertThat(ruleIds(SignedReturns.verify(optional, SignedReturns.signed(TestPki.untrusted().issue(MST, "X")), taxpayer())))
			.as("a signature that is present is checked all the same")
			.containsExactly("SIG-5");
	}

	@Test
	void aReferenceToAnythingButTheReturnBreaksTheStructureRule() {
		byte[] signed = SignedReturns.signed(TAXPAYER);

		assertThat(ruleIds(SignedReturns.verify(verification, SignedReturns.replace(signed, "URI=\"#ID_1\"", "URI=\"\""), taxpayer())))
			.containsExactly("SIG-2");
		assertThat(SignedReturns.verify(verification, SignedReturns.replace(signed, "URI=\"#ID_1\"", "URI=\"file:///etc/passwd\""),
				taxpayer()))
			.singleElement()
			.satisfies((finding) -> assertThat(finding.value()).contains("file:///etc/passwd"));
		byte[] xpathFilter = SignedReturns.replace(signed,
				"<Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>",
				"<Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\"><XPath>false()</XPath></Transform>");
		assertThat(ruleIds(SignedReturns.verify(verification, xpathFilter, taxpayer()))).containsExactly("SIG-2");
	}

	@Test
	void aSignatureOutsideCKyDTuIsNotAccepted() {
		String signed = SignedReturns.text(SignedReturns.signed(TAXPAYER));
		String signature = signed.substring(signed.indexOf("<Signature "), signed.indexOf("</CKyDTu>"));
		byte[] moved = (signed.replace(signature, "").replace("<CKyDTu></CKyDTu>", "").replace("<CKyDTu/>", "")
			.replace("<PLuc/>", "<PLuc/>" + signature)).getBytes(java.nio.charset.StandardCharsets.UTF_8);

		assertThat(ruleIds(SignedReturns.verify(verification, moved, taxpayer()))).containsExactly("SIG-2");
	}

	@Test
	void oneValidSignatureAmongSeveralIsEnough() {
		byte[] agentFirst = new ReturnSigner(TestPki.untrusted().issue(AGENT_MST, "X")).sign(SignedReturns.unsigned());
		byte[] both = new ReturnSigner(TAXPAYER).sign(agentFirst);
		byte[] bothBad = new ReturnSigner(TestPki.untrusted().issue(MST, "Y")).sign(agentFirst);

		assertThat(SignedReturns.verify(verification, both, taxpayer())).isEmpty();
		assertThat(SignedReturns.verify(verification, bothBad, taxpayer()))
			.as("each untrusted (SIG-5); whose MST it names is not judged for a certificate that vouches for nothing")
			.extracting(Finding::ruleId, Finding::xpath)
			.containsExactly(tuple("SIG-5", "/HSoThueDTu/CKyDTu/Signature[1]/KeyInfo/X509Data/X509Certificate"),
					tuple("SIG-5", "/HSoThueDTu/CKyDTu/Signature[2]/KeyInfo/X509Data/X509Certificate"));
	}

	/** {@code CKyDTu} takes any number of signatures: more than a return carries are one finding, none verified. */
	@Test
	void moreSignaturesThanAReturnCarriesAreOneFinding() {
		String signed = SignedReturns.text(SignedReturns.signed(TAXPAYER));
		byte[] crowded = signed.replace("</CKyDTu>",
				"<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"/>".repeat(1_000) + "</CKyDTu>")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);

		assertThat(SignedReturns.verify(verification, crowded, taxpayer())).singleElement().satisfies((finding) -> {
			assertThat(finding.ruleId()).isEqualTo("SIG-2");
			assertThat(finding.value()).isEqualTo("1001 signatures, more than the 4 a return carries");
		});
	}

	@Test
	void hostileXmlIsRefusedWithoutReadingAnything() {
		byte[] hostile = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
				+ "<HSoThueDTu xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\"><HSoKhaiThue id=\"ID_1\">&e;"
				+ "</HSoKhaiThue></HSoThueDTu>")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);

		assertThat(ruleIds(SignedReturns.verify(verification, hostile, taxpayer()))).containsExactly("SIG-2");
	}

	static SignatureVerification verification(@Nullable TrustStoreFile store, List<String> crls, boolean required) {
		SignatureProperties.TrustStore trustStore = (store != null) ? new SignatureProperties.TrustStore(
				store.path().toString(), store.type(), store.password()) : null;
		return new SignatureVerification(
				new SignatureProperties(required, trustStore, crls, LocalDate.of(2022, 1, 1)), CLOCK);
	}

	static SignatureContext taxpayer() {
		return context(MST, null, AgentContracts.none());
	}

	static SignatureContext context(String mst, @Nullable String agentMst, AgentContracts contracts) {
		return new SignatureContext(mst, agentMst, SIGNED_ON, Q1_2026, contracts);
	}

	static SignatureContext context2021() {
		return new SignatureContext(MST, null, LocalDate.of(2022, 1, 20), LocalDate.of(2021, 10, 1),
				AgentContracts.none());
	}

	static List<String> ruleIds(List<Finding> findings) {
		return findings.stream().map(Finding::ruleId).toList();
	}


	/** The context of a return received on the day it says it was signed. */
	private static SignatureContext onItsSigningDay(ReturnHeader header) {
		return SignatureContext.of(header, header.signedOn(), AgentContracts.none());
	}

}
