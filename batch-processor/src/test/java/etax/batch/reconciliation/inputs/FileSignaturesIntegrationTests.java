package etax.batch.reconciliation.inputs;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.batch.BatchProcessorIntegrationTest;
import etax.batch.reconciliation.SignedFiles;
import etax.batch.reconciliation.TaxSide;
import etax.devstack.DevFileSignatures;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;

import static etax.batch.reconciliation.TaxSide.bankFile;
import static etax.batch.reconciliation.TaxSide.posted;
import static etax.batch.reconciliation.TaxSide.statement;
import static etax.batch.reconciliation.TaxSide.voucher;
import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A daily file is imported only when signed by the source it names (docs/adr/0014-reconciliation.md, "Who
 * imports"): over HTTP with the signature in {@code Etax-Signature}, in the watched directory with its
 * {@code <file>.jws}; every refusal keeps nothing and is counted. Works on business days 2025-02-03 to
 * 2025-02-07, references FS…
 */
@BatchProcessorIntegrationTest
class FileSignaturesIntegrationTests {

	private static final String PROBLEMS = "https://etax.example/problems/";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry meters;

	@BeforeEach
	void registerBanks() {
		SignedFiles.registerBanks(this.jdbc);
	}

	@Test
	void importsABankFileSignedByTheBankItNames() {
		LocalDate day = LocalDate.of(2025, 2, 3);
		String xml = bankFile(day, voucher("FS01", day, "01", "VND", "1000000", "1701"));

		assertThat(importBank(xml, SignedFiles.bank(xml))).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.source")
			.isEqualTo(TaxSide.BANK);
		assertThat(bankLines(day)).isEqualTo(1);
	}

	@Test
	void refusesABankFileUnsignedTamperedSignedByAnotherBankOrByAKeyNotValidNowAndKeepsNothing() throws Exception {
		LocalDate day = LocalDate.of(2025, 2, 4);
		String xml = bankFile(day, voucher("FS11", day, "01", "VND", "1000000", "1701"));
		String tampered = xml.replace("1000000", "9000000");
		KeyPair expired = rsaKeyPair();
		String expiredKeyId = TaxSide.BANK + "-expired-" + UUID.randomUUID();
		SignedFiles.registerKey(this.jdbc, expiredKeyId, TaxSide.BANK, "RS256",
				Base64.getEncoder().encodeToString(expired.getPublic().getEncoded()), "2020-01-01T00:00:00Z",
				"2025-01-01T00:00:00Z");
		double unsignedBefore = count("bank", "unsigned");
		double invalidBefore = count("bank", "signature-invalid");

		assertProblem(importBank(xml, null), "reconciliation-file-unsigned", "no signature");
		assertProblem(importBank(tampered, SignedFiles.bank(xml)), "reconciliation-file-signature-invalid",
				"does not verify");
		assertProblem(importBank(xml, DevFileSignatures.bank("01204001", xml)), "reconciliation-file-signature-invalid",
				"bank " + TaxSide.BANK + "'s, signed with the key 01204001-dev-1 of bank 01204001");
		assertProblem(
				importBank(xml, DevFileSignatures.sign(expired.getPrivate(), "RS256", expiredKeyId,
						xml.getBytes(StandardCharsets.UTF_8))),
				"reconciliation-file-signature-invalid", "not valid now");
		assertProblem(importBank(xml, DevFileSignatures.sign(DevFileSignatures.bankKey(TaxSide.BANK), "RS256",
				"no-such-key", xml.getBytes(StandardCharsets.UTF_8))), "reconciliation-file-signature-invalid",
				"not registered");
		assertProblem(importBank(xml, DevFileSignatures.sign(DevFileSignatures.treasuryKey(), "ES256",
				DevFileSignatures.bankKeyId(TaxSide.BANK), xml.getBytes(StandardCharsets.UTF_8))),
				"reconciliation-file-signature-invalid", "registered for RS256");
		assertProblem(importBank(xml, "not a JWS"), "reconciliation-file-signature-invalid", "header..signature");
		assertProblem(importBank("<DOICHIEU_NTDT>", SignedFiles.bank(xml)), "reconciliation-file-signature-invalid",
				"does not verify");

		assertThat(bankLines(day)).as("nothing imported").isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM reconciliation.file_day WHERE business_day = ?")
			.param(day)
			.query(Long.class)
			.single()).isZero();
		assertThat(count("bank", "unsigned") - unsignedBefore).isEqualTo(1);
		assertThat(count("bank", "signature-invalid") - invalidBefore).isEqualTo(7);
	}

	@Test
	void importsATreasuryStatementSignedByTheTreasuryAndRefusesOneSignedOtherwise() throws Exception {
		LocalDate day = LocalDate.of(2025, 2, 5);
		String csv = statement(posted(UUID.randomUUID(), day, "VND", "1000000", "1701"));
		double invalidBefore = count("treasury", "signature-invalid");
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		KeyPair impostor = generator.generateKeyPair();

		assertProblem(importTreasury(csv, DevFileSignatures.sign(impostor.getPrivate(), "ES256",
				DevFileSignatures.TREASURY_KEY_ID, csv.getBytes(StandardCharsets.UTF_8))),
				"reconciliation-file-signature-invalid", "does not verify");
		assertProblem(importTreasury(csv, SignedFiles.bank(csv)), "reconciliation-file-signature-invalid",
				"not one of the treasury's");
		assertProblem(importTreasury(csv, null), "reconciliation-file-unsigned", "no signature");
		assertThat(treasuryLines(day)).isZero();
		assertThat(count("treasury", "signature-invalid") - invalidBefore).isEqualTo(2);

		assertThat(importTreasury(csv, SignedFiles.treasury(csv))).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.source")
			.isEqualTo("KBNN");
		assertThat(treasuryLines(day)).isEqualTo(1);
	}

	@Test
	void withSignaturesNotRequiredAnUnsignedFileIsImportedButAWronglySignedOneIsStillRefused(
			@Autowired FileImport fileImport, @Autowired FileRepository repository,
			@Autowired PlatformTransactionManager transactions, @Autowired Clock clock, @Autowired BankKeys bankKeys) {
		LocalDate day = LocalDate.of(2025, 2, 6);
		ReconciliationFiles lenient = new ReconciliationFiles(fileImport, repository, transactions, this.meters,
				new FileSignatures(bankKeys, new FileSignatureProperties(false, Map.of(), Duration.ofMinutes(15)), clock));
		String csv = statement(posted(UUID.randomUUID(), day, "VND", "1000000", "1701"));
		String xml = bankFile(day, voucher("FS21", day, "01", "VND", "1000000", "1701"));

		assertThatThrownBy(() -> lenient.importBankFile(stream(xml), DevFileSignatures.bank("01204001", xml), "test",
				ReconciliationFiles.Channel.HTTP))
			.isInstanceOf(FileSignatureException.class);
		assertThat(lenient.importTreasuryStatement(stream(csv), null, "test", ReconciliationFiles.Channel.HTTP).lines())
			.isEqualTo(1);
		assertThat(lenient.importBankFile(stream(xml), null, "test", ReconciliationFiles.Channel.HTTP).lines())
			.isEqualTo(1);
		assertThat(bankLines(day)).isEqualTo(1);
	}

	@Test
	void theWatchedDirectoryImportsAFileWithItsSignatureOnlyAndRefusesOneWhoseSignatureNeverCame() throws Exception {
		LocalDate day = LocalDate.of(2025, 2, 7);
		Path inbox = Files.createDirectories(BatchProcessorIntegrationTest.INBOX);
		for (String earlier : List.of("done/fs-signed.xml", "done/fs-signed.xml.jws", "done/fs-late.csv",
				"done/fs-late.csv.jws", "rejected/fs-unsigned.xml", "rejected/fs-unsigned.xml.problem.txt",
				"rejected/fs-forged.csv", "rejected/fs-forged.csv.jws", "rejected/fs-forged.csv.problem.txt")) {
			Files.deleteIfExists(inbox.resolve(earlier));
		}
		String signed = bankFile(day, voucher("FS31-" + UUID.randomUUID(), day, "01", "VND", "1000", "1701"));
		Files.writeString(inbox.resolve("fs-signed.xml.jws"), SignedFiles.bank(signed));
		Files.writeString(inbox.resolve("fs-signed.xml"), signed);
		String late = statement(posted(UUID.randomUUID(), day, "VND", "2000", "1701"));
		Files.writeString(inbox.resolve("fs-late.csv"), late);
		String unsigned = bankFile(day, voucher("FS32-" + UUID.randomUUID(), day, "01", "VND", "3000", "1701"))
			.replace(TaxSide.BANK, "01204001");
		Files.writeString(inbox.resolve("fs-unsigned.xml"), unsigned);
		Files.setLastModifiedTime(inbox.resolve("fs-unsigned.xml"),
				FileTime.from(BatchProcessorIntegrationTest.NOW.minus(Duration.ofHours(1))));
		String forged = statement(posted(UUID.randomUUID(), day, "VND", "4000", "1701"));
		Files.writeString(inbox.resolve("fs-forged.csv.jws"), SignedFiles.bank(forged));
		Files.writeString(inbox.resolve("fs-forged.csv"), forged);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> Files.exists(inbox.resolve("done/fs-signed.xml"))
					&& Files.exists(inbox.resolve("rejected/fs-unsigned.xml.problem.txt"))
					&& Files.exists(inbox.resolve("rejected/fs-forged.csv.problem.txt")));
		assertThat(inbox.resolve("done/fs-signed.xml.jws")).exists();
		assertThat(inbox.resolve("rejected/fs-forged.csv.jws")).exists();
		assertThat(Files.readString(inbox.resolve("rejected/fs-unsigned.xml.problem.txt")))
			.contains("No fs-unsigned.xml.jws came within PT15M", "no signature");
		assertThat(Files.readString(inbox.resolve("rejected/fs-forged.csv.problem.txt")))
			.contains("not one of the treasury's");
		Thread.sleep(1000);
		assertThat(inbox.resolve("fs-late.csv")).as("waits for its signature, written just now").exists();
		assertThat(treasuryLines(day)).isZero();

		Files.writeString(inbox.resolve("fs-late.csv.jws"), SignedFiles.treasury(late));
		await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("done/fs-late.csv")));
		assertThat(inbox.resolve("done/fs-late.csv.jws")).exists();
		assertThat(bankLines(day)).as("the signed bank file only").isEqualTo(1);
		assertThat(treasuryLines(day)).isEqualTo(1);
	}

	private MvcTestResult importBank(String xml, String signature) {
		return this.mvc.post()
			.uri("/api/v1/reconciliation/bank-files")
			.with(officer())
			.contentType(MediaType.APPLICATION_XML)
			.headers((headers) -> {
				if (signature != null) {
					headers.set(SignedFiles.HEADER, signature);
				}
			})
			.content(xml)
			.exchange();
	}

	private MvcTestResult importTreasury(String csv, String signature) {
		return this.mvc.post()
			.uri("/api/v1/reconciliation/treasury-statements")
			.with(officer())
			.contentType("text/csv")
			.headers((headers) -> {
				if (signature != null) {
					headers.set(SignedFiles.HEADER, signature);
				}
			})
			.content(csv)
			.exchange();
	}

	private static void assertProblem(MvcTestResult result, String type, String detail) {
		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies((json) -> {
			assertThat(json).extractingPath("$.type").isEqualTo(PROBLEMS + type);
			assertThat(json).extractingPath("$.detail").asString().contains(detail);
		});
	}

	private long bankLines(LocalDate day) {
		return this.jdbc.sql("SELECT count(*) FROM reconciliation.bank_file_line WHERE business_day = ?")
			.param(day)
			.query(Long.class)
			.single();
	}

	private long treasuryLines(LocalDate day) {
		return this.jdbc.sql("SELECT count(*) FROM reconciliation.treasury_statement_line WHERE business_day = ?")
			.param(day)
			.query(Long.class)
			.single();
	}

	private double count(String kind, String outcome) {
		var counter = this.meters.find("etax.batch.reconciliation.files").tag("kind", kind).tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static ByteArrayInputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private static KeyPair rsaKeyPair() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

}
