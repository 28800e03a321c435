package etax.batch.reconciliation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import etax.batch.BatchProcessorIntegrationTest;
import etax.batch.reconciliation.inputs.ImportedFile;
import etax.batch.reconciliation.inputs.ReconciliationFiles;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static etax.batch.reconciliation.TaxSide.bankFile;
import static etax.batch.reconciliation.TaxSide.voucher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two files of one bank for one day imported at once: the one that commits last supersedes the other, as if
 * they had come one after the other, and the day holds one file's lines and reconciles. To make them
 * overlap, the test holds the day's row, on which an import waits just before it commits, until both
 * imports are waiting. Works on business day 2025-01-14, references CI…
 */
@BatchProcessorIntegrationTest
class ReconciliationConcurrentImportsIntegrationTests {

	private static final LocalDate DAY = LocalDate.of(2025, 1, 14);

	@Autowired
	private ReconciliationFiles files;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void twoFilesOfOneBankForOneDayImportedAtOnceLeaveOneFilesLines() throws Exception {
		SignedFiles.registerBanks(this.jdbc);
		new TaxSide(this.jdbc).paid("CI01", DAY, "VND", "1200000", "1701");
		this.jdbc.sql("INSERT INTO reconciliation.day (business_day) VALUES (?) ON CONFLICT DO NOTHING")
			.param(DAY)
			.update();
		String first = bankFile(DAY, voucher("CI01", DAY, "01", "VND", "1000000", "1701"));
		String second = bankFile(DAY, voucher("CI01", DAY, "01", "VND", "1200000", "1701"));
		ExecutorService threads = Executors.newFixedThreadPool(2);
		List<CompletableFuture<ImportedFile>> imports;
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (PreparedStatement hold = holder
				.prepareStatement("SELECT 1 FROM reconciliation.day WHERE business_day = ? FOR UPDATE")) {
				hold.setObject(1, DAY);
				hold.executeQuery().close();
			}
			imports = List.of(CompletableFuture.supplyAsync(() -> importBank(first), threads),
					CompletableFuture.supplyAsync(() -> importBank(second), threads));
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> waitingForALock() == 2 || imports.stream().anyMatch(CompletableFuture::isDone));
			holder.commit();
		}
		finally {
			threads.shutdown();
		}
		assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		List<Long> imported = imports.stream().map(CompletableFuture::join).map(ImportedFile::fileId).toList();

		assertThat(this.jdbc.sql("""
				SELECT amount::text FROM reconciliation.bank_file_line
				WHERE bank_code = ? AND business_day = ? AND bank_reference = 'CI01'""")
			.params(TaxSide.BANK, DAY)
			.query(String.class)
			.list()).as("one file's lines").hasSize(1);
		assertThat(this.jdbc.sql("""
				SELECT d.file_id FROM reconciliation.file_day d JOIN reconciliation.imported_file f USING (file_id)
				WHERE f.kind = 'BANK' AND f.source = ? AND d.business_day = ? AND d.superseded_by IS NULL""")
			.params(TaxSide.BANK, DAY)
			.query(Long.class)
			.list()).as("one current file").hasSize(1).containsAnyElementsOf(imported);
		new ReconciliationCalls(this.mvc, this.jdbc).reconcile(DAY);
	}

	private ImportedFile importBank(String xml) {
		return this.files.importBankFile(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
				SignedFiles.bank(xml), "concurrent-imports-test", ReconciliationFiles.Channel.HTTP);
	}

	/** Backends of this database waiting for a lock (a row's or an advisory one), the imports. */
	private long waitingForALock() {
		return this.jdbc.sql("""
				SELECT count(*) FROM pg_stat_activity
				WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()""")
			.query(Long.class)
			.single();
	}

}
