package etax.declaration.submission;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import etax.declaration.signature.EnvelopeCapture;
import etax.devstack.LocalInfrastructureInitializer;
import etax.schemas.Finding;
import etax.schemas.ReturnValidator;
import etax.schemas.Validation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static etax.declaration.submission.GeneratedReturns.generated;
import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Two filings decided at the same moment in two transactions, as on two replicas: the second waits for the
 * advisory locks the first holds until it commits, so it is decided against what the first filed. Each filing runs
 * on a thread of its own with its own database transaction; the locks are PostgreSQL's, not the JVM's. Two filings
 * of one group (one transaction) are decided in order, the second against the first.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
@Import(TenthOfMay2026.class)
class ConcurrentFilingIntegrationTests {

	/** How long the first filing's transaction stays open at most, waiting for the second to be decided. */
	private static final long HOLD_SECONDS = 3;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	ReturnFiling filing;

	@Autowired
	ReturnValidator validator;

	@Autowired
	ContextRules contextRules;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	private FilingCalls calls;

	@BeforeEach
	void calls() {
		this.calls = new FilingCalls(this.mvc, this.json);
	}

	@Test
	void aSupplementFiledWhileItsYearsFinalizationIsBeingFiledIsDecidedAfterIt() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String quarter = filedBy(generated("864", "2.5.0", LocalDate.parse("2025-12-31"),
				(xml) -> xml.contains("<kieuKy>Q<") && xml.contains("/2025<")), mst);
		assertThat(this.calls.file(quarter).get("status").asString()).isEqualTo("ACCEPTED");
		String finalization = filedBy(generated("953", "2.4.0", LocalDate.parse("2025-12-31"),
				(xml) -> xml.contains("<kieuKy>Y<") && xml.contains("<kyKKhai>2025<")), mst);

		List<Receipt> decided = fileWhileTheFirstIsOpen(candidate(finalization), candidate(supplement(quarter, 1)));

		assertThat(decided.get(0).status()).as("the finalization %s", decided.get(0).findings())
			.isEqualTo(ReturnStatus.ACCEPTED);
		assertThat(decided.get(1).status()).isEqualTo(ReturnStatus.NOT_ACCEPTED);
		assertThat(decided.get(1).findings()).extracting(Finding::ruleId).contains("CTX-DUP-09");
		assertThat(decided.get(1).findings()).filteredOn((finding) -> finding.ruleId().equals("CTX-DUP-09"))
			.extracting(Finding::value)
			.containsExactly(decided.get(0).transactionCode());
	}

	@Test
	void twoOverlappingDateRangesFiledAtOnceAreNotBothAccepted() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String fiscal = filedBy(generated("892", "2.5.4", LocalDate.parse("2026-03-31"),
				(candidate) -> candidate.contains("<kieuKy>K<")), mst);

		List<Receipt> decided = fileWhileTheFirstIsOpen(candidate(bounds(fiscal, "01/04/2024", "31/03/2025")),
				candidate(bounds(fiscal, "01/07/2024", "30/06/2025")));

		assertThat(decided.get(0).status()).as("%s", decided.get(0).findings()).isEqualTo(ReturnStatus.ACCEPTED);
		assertThat(decided.get(1).status()).isEqualTo(ReturnStatus.NOT_ACCEPTED);
		assertThat(decided.get(1).findings()).filteredOn((finding) -> finding.ruleId().equals("CTX-DUP-15"))
			.extracting(Finding::value)
			.containsExactly(decided.get(0).transactionCode());
	}

	@Test
	void twoOverlappingDateRangesInOneGroupAreNotBothAccepted() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String fiscal = filedBy(generated("892", "2.5.4", LocalDate.parse("2026-03-31"),
				(candidate) -> candidate.contains("<kieuKy>K<")), mst);

		List<Receipt> decided = this.filing
			.file(List.of(candidate(bounds(fiscal, "01/04/2024", "31/03/2025")),
					candidate(bounds(fiscal, "01/10/2024", "31/03/2025"))))
			.stream()
			.map((filed) -> ((ReturnFiling.Filed.Received) filed).receipt())
			.toList();

		assertThat(decided.get(0).status()).as("%s", decided.get(0).findings()).isEqualTo(ReturnStatus.ACCEPTED);
		assertThat(decided.get(1).status()).as("decided after the first in the same transaction")
			.isEqualTo(ReturnStatus.NOT_ACCEPTED);
		assertThat(decided.get(1).findings()).filteredOn((finding) -> finding.ruleId().equals("CTX-DUP-15"))
			.extracting(Finding::value)
			.containsExactly(decided.get(0).transactionCode());
	}

	@Test
	void aReturnCheckedAgainstARegistrationChangedSinceIsNotDecided() {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		ReturnFiling.Candidate checked = candidate(SampleReturns.forTaxpayer(mst));
		// a change of frequency registered between the return's checks and its decision
		this.jdbc.sql("""
				INSERT INTO filing.filing_frequency_change (mst, effective_from, frequency, registered_at)
				VALUES (?, DATE '2026-01-01', 'M', now())""").param(mst).update();

		assertThatExceptionOfType(ReturnFiling.RegistrationChanged.class)
			.isThrownBy(() -> this.filing.file(List.of(checked)));
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.tax_return WHERE mst = ?")
			.param(mst)
			.query(Long.class)
			.single()).as("nothing filed: filed again, it is checked against the monthly frequency").isZero();
	}

	@Test
	void aChangeOfFrequencyRegisteredWhileAReturnIsBeingDecidedWaitsForItAndIsRefusedAgainstIt() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		ReturnFiling.Candidate quarterly = candidate(SampleReturns.forTaxpayer(mst));

		Outcomes<MvcResult> both = decideWhileTheFirstIsOpen(quarterly, () -> this.mvc
			.perform(post("/api/v1/taxpayers").with(officer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mst\":\"" + mst + "\",\"name\":\"CÔNG TY THỬ NGHIỆM\",\"status\":\"ACTIVE\","
						+ "\"eFiling\":true,\"filingFrequency\":\"M\",\"taxOfficeCode\":\"99999\","
						+ "\"chapter\":\"754\",\"filingFrequencyFrom\":\"2026-01-01\"}"))
			.andReturn());

		assertThat(both.first().status()).as("%s", both.first().findings()).isEqualTo(ReturnStatus.ACCEPTED);
		MvcResult refused = both.second();
		assertThat(refused.getResponse().getStatus()).as("the change waited for the return and saw it").isEqualTo(409);
		assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("registration-conflict",
				"accepted at its other filing frequency");
	}

	/**
	 * Files the first return in a transaction that stays open until the second, filed meanwhile in a transaction of
	 * its own, is decided (or {@link #HOLD_SECONDS} have passed); then commits it.
	 * @return the receipts of both, in order
	 */
	private List<Receipt> fileWhileTheFirstIsOpen(ReturnFiling.Candidate first, ReturnFiling.Candidate second)
			throws Exception {
		Outcomes<ReturnFiling.Filed> both = decideWhileTheFirstIsOpen(first,
				() -> this.filing.file(List.of(second)).get(0));
		return List.of(both.first(), ((ReturnFiling.Filed.Received) both.second()).receipt());
	}

	/**
	 * Decides a return in a transaction that stays open until something done meanwhile on another thread, with a
	 * transaction of its own, is done (or {@link #HOLD_SECONDS} have passed: it may wait for the first's commit);
	 * then commits it.
	 * @return the first's receipt and what was done meanwhile
	 */
	private <T> Outcomes<T> decideWhileTheFirstIsOpen(ReturnFiling.Candidate first, Callable<T> meanwhile)
			throws Exception {
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		CountDownLatch firstDecided = new CountDownLatch(1);
		CountDownLatch secondDone = new CountDownLatch(1);
		ExecutorService replicas = Executors.newFixedThreadPool(2);
		try {
			Future<ReturnFiling.Filed> holding = replicas.submit(() -> transaction.execute((status) -> {
				ReturnFiling.Filed filed = this.filing.file(List.of(first)).get(0);
				firstDecided.countDown();
				try {
					secondDone.await(HOLD_SECONDS, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return filed;
			}));
			assertThat(firstDecided.await(60, TimeUnit.SECONDS)).isTrue();
			Future<T> contending = replicas.submit(() -> {
				try {
					return meanwhile.call();
				}
				finally {
					secondDone.countDown();
				}
			});
			Receipt receipt = ((ReturnFiling.Filed.Received) holding.get(60, TimeUnit.SECONDS)).receipt();
			return new Outcomes<>(receipt, contending.get(60, TimeUnit.SECONDS));
		}
		finally {
			replicas.shutdownNow();
		}
	}

	/**
	 * @param first the receipt of the return decided first
	 * @param second what was done meanwhile
	 */
	private record Outcomes<T>(Receipt first, T second) {

	}

	/** A return received and checked by the rules that need no lock, as the intake makes it. */
	private ReturnFiling.Candidate candidate(String xml) {
		EnvelopeCapture envelope = new EnvelopeCapture();
		Validation validation = this.validator.validate(xml.getBytes(StandardCharsets.UTF_8), envelope);
		assertThat(validation).as("%s", validation.findings()).isInstanceOf(Validation.Receivable.class);
		Validation.Receivable receivable = (Validation.Receivable) validation;
		java.time.Instant receivedAt = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		ContextRules.Checked checked = this.contextRules.check(receivable.document(), envelope, receivedAt);
		List<Finding> findings = new ArrayList<>(receivable.findings());
		findings.addAll(checked.findings());
		return new ReturnFiling.Candidate("concurrent-test", "TVAN", receivable.document(), findings, checked.taxpayer(),
				null, receivedAt, checked.extension(), checked.inspections());
	}

	/** The return of a taxpayer with its managing office, prepared and signed the day before the server's clock. */
	private static String filedBy(String xml, String mst) {
		String named = SampleReturns.with(SampleReturns.with(xml, "mst", mst), "maCQTNoiNop", "99999");
		return SampleReturns.with(SampleReturns.with(named, "ngayLapTKhai", "2026-05-09"), "ngayKy", "2026-05-09");
	}

	private static String bounds(String xml, String from, String to) {
		return SampleReturns.with(SampleReturns.with(xml, "kyKKhaiTuNgay", from), "kyKKhaiDenNgay", to);
	}

	/** Supplement number {@code n} of a return without appendices, with the two supplement appendices. */
	private static String supplement(String xml, int n) {
		String supplement = SampleReturns.with(SampleReturns.with(xml, "loaiTKhai", "B"), "soLan", String.valueOf(n));
		return supplement.replace("</CTieuTKhaiChinh>", "</CTieuTKhaiChinh><PLuc><PL01_KHBS/><PL01_1_KHBS/></PLuc>");
	}

}
