package etax.devstack;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Predicate;

import etax.devstack.pki.ReturnSigner;
import etax.schemas.FormCatalog;
import etax.schemas.ReturnGenerator;
import tools.jackson.databind.JsonNode;

import static etax.devstack.Demo.expect;
import static etax.devstack.Demo.send;
import static etax.devstack.Demo.text;

/**
 * The demo's corporate income tax: paid on account by quarter without a return, then the year's finalization
 * (03/TNDN), judged by the year's rule, which the finalization announces (from 2022 the four quarters and 80 % of
 * the year's tax by the fourth quarter's deadline, 30 January of the next year; ADR 0006), and the interest the daily
 * job assesses on what they fell short of.
 */
final class DemoProvisionalTax {

	/** The year paid on account and finalized. */
	private static final int YEAR = 2025;

	private final String declarationApi;

	private final String paymentGateway;

	private final String batchProcessor;

	private final Path root;

	private final TokenIssuer tokens;

	DemoProvisionalTax(StackFile stack, Path root, TokenIssuer tokens) {
		this.declarationApi = stack.declarationApi();
		this.paymentGateway = stack.paymentGateway();
		this.batchProcessor = stack.batchProcessor();
		this.root = root;
		this.tokens = tokens;
	}

	/** @return whether the interest job ran for yesterday here (not when it had run for that day before) */
	boolean run(String mst, String bank, String taxOffice) throws Exception {
		String taxpayer = this.tokens.taxpayer(mst);
		String[] paidOn = { YEAR + "-04-28", YEAR + "-07-28", YEAR + "-10-28", (YEAR + 1) + "-01-28" };
		long[] paid = { 80_000_000, 80_000_000, 80_000_000, 20_000_000 };
		for (int quarter = 1; quarter <= 4; quarter++) {
			String reference = "DEMOCIT" + quarter + Instant.now().toEpochMilli();
			expect(send(HttpRequest.newBuilder(URI.create(this.paymentGateway + "/api/v1/bank/confirmations"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(DevConfirmations.onAccount(bank, reference, mst,
						"00/Q" + quarter + "/" + YEAR, paid[quarter - 1], LocalDate.parse(paidOn[quarter - 1])))),
					this.tokens.bank(bank)), 202);
			System.out.printf("   bank %s confirms %,d VND of sub-item 1052 for 00/Q%d/%d, paid %s%n", bank,
					paid[quarter - 1], quarter, YEAR, paidOn[quarter - 1]);
		}
		Thread.sleep(2000); // the gateway records them from the topic
		byte[] finalization = new ReturnSigner(DevPki.identity(this.root, mst, "CÔNG TY TNHH DEMO"))
			.sign(finalization(mst, taxOffice));
		JsonNode receipt = expect(send(HttpRequest.newBuilder(URI.create(this.declarationApi + "/api/v1/returns"))
			.header("Content-Type", "application/xml")
			.POST(HttpRequest.BodyPublishers.ofByteArray(finalization)), taxpayer), 201);
		System.out.printf("   its %d finalization (03/TNDN): %s, transaction code %s%n", YEAR, text(receipt, "status"),
				text(receipt, "transactionCode"));
		receipt.get("findings").forEach((finding) -> System.out.printf("   finding %s (%s): %s%n",
				text(finding, "ruleId"), text(finding, "severity"), finding.at("/message/en").asString()));
		JsonNode year = awaitShortfall(mst, taxpayer);
		System.out.printf("   the year's tax %s VND; %d %% of it, %s, was due on account by %s; quarters 1 to %d paid %s: "
				+ "%s short%n", year.get("annualTax").asLong(), year.get("requiredPercent").asInt(),
				year.get("required").asLong(), text(year, "provisionalDeadline"), year.get("provisionalQuarters").asInt(),
				year.get("paidByDeadline").asLong(), year.get("shortfall").asLong());
		if (year.get("shortfall").asLong() == 0) {
			System.out.println("   they paid enough: no interest runs");
			return false;
		}

		LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
		HttpResponse<String> run = send(HttpRequest
			.newBuilder(URI.create(this.batchProcessor + "/api/v1/jobs/interest-assessment/executions"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"assessedFor\":\"" + yesterday + "\"}")),
				this.tokens.officer(taxOffice));
		if (run.statusCode() != 201) {
			System.out.printf("   interest for %s was assessed before the finalization came in (%d): the next daily run "
					+ "assesses the shortfall from %s on%n", yesterday, run.statusCode(), text(year, "provisionalDeadline"));
			return false;
		}
		System.out.printf("   an officer runs the interest assessment for %s: %s%n", yesterday,
				text(expect(run, 201), "status"));
		System.out.printf("   interest booked on the shortfall (0.03 %% a day since %s): %s VND%n",
				text(year, "provisionalDeadline"), awaitInterest(mst, taxpayer).get("interestBooked").asLong());
		return true;
	}

	/** A generated 03/TNDN of the year for the taxpayer, filed with its office. */
	private static byte[] finalization(String mst, String taxOffice) {
		ReturnGenerator generator = new ReturnGenerator(FormCatalog.load()).withFilingType("C")
			.withLatestPeriodEnd(LocalDate.of(YEAR, 12, 31));
		for (long seed = 1;; seed++) {
			String xml = new String(generator.generate("892", "2.5.4", seed), StandardCharsets.UTF_8);
			if (!xml.contains("<DLyThue>") && xml.contains("<kieuKy>Y</kieuKy>")
					&& xml.contains("<kyKKhai>" + YEAR + "</kyKKhai>")) {
				return xml.replaceAll("<mst>[^<]*</mst>", "<mst>" + mst + "</mst>")
					.replaceAll("<maCQTNoiNop>[^<]*</maCQTNoiNop>", "<maCQTNoiNop>" + taxOffice + "</maCQTNoiNop>")
					.getBytes(StandardCharsets.UTF_8);
			}
		}
	}

	private JsonNode awaitShortfall(String mst, String taxpayer) throws Exception {
		return await(mst, taxpayer, (year) -> true, "the gateway did not book the finalization's year's tax");
	}

	private JsonNode awaitInterest(String mst, String taxpayer) throws Exception {
		return await(mst, taxpayer, (year) -> year.get("interestBooked").asLong() > 0,
				"the gateway did not book the interest on the shortfall");
	}

	/** The year's provisional payments as the gateway shows them, once they meet the condition (at most 30 s). */
	private JsonNode await(String mst, String taxpayer, Predicate<JsonNode> met, String failure)
			throws Exception {
		URI uri = URI.create(this.paymentGateway + "/api/v1/taxpayers/" + mst + "/provisional-shortfalls");
		Instant deadline = Instant.now().plusSeconds(30);
		while (Instant.now().isBefore(deadline)) {
			JsonNode years = expect(send(HttpRequest.newBuilder(uri).GET(), taxpayer), 200);
			if (!years.isEmpty() && met.test(years.get(0))) {
				return years.get(0);
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("Within 30 s " + failure);
	}

}
