package etax.devstack.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import etax.devstack.DemoTaxpayers;
import etax.devstack.DevConfirmations;
import tools.jackson.databind.JsonNode;

/**
 * The cases a bank's integration should pass over HTTP: a confirmation recorded and posted to the
 * treasury, the same one sent again (no effect), other content under its reference (a conflict, the first
 * kept), checks refused at once (lines that do not add up, an MST with a wrong check digit, confirming as
 * another bank), and the status report that answers what became of each reference, to its own bank only.
 * Each case uses new references and taxpayers.
 */
public final class BankConformance extends Cases {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final AtomicLong REFERENCES = new AtomicLong(System.currentTimeMillis());

	private final BankTarget target;

	private BankConformance(BankTarget target) {
		this.target = target;
	}

	/**
	 * Runs every case.
	 * @param target the gateway and the bank
	 * @return each case's result, in the pack's order
	 */
	public static List<CaseResult> run(BankTarget target) {
		return new BankConformance(target).runAll();
	}

	@Override
	List<Case> cases() {
		return List.of(
				new Case("BANK-RECORDED", "a confirmation is accepted (202), then recorded and posted to the treasury, "
						+ "as the bank's status report shows", this::recorded),
				new Case("BANK-SENT-AGAIN", "the same confirmation again changes nothing; other content under the "
						+ "same reference is rejected as a conflict and the first kept", this::sentAgain),
				new Case("BANK-LINES-DO-NOT-SUM", "lines that do not add up to the total are refused at once (422)",
						this::linesDoNotSum),
				new Case("BANK-INVALID-MST", "a payer MST with a wrong check digit is refused at once (422)",
						this::invalidMst),
				new Case("BANK-AS-ANOTHER", "a bank cannot confirm as another bank (403), nor read another's report (404)",
						this::asAnother));
	}

	private String recorded() throws IOException, InterruptedException {
		String reference = reference();
		JsonNode accepted = expect(confirm(confirmation(reference, DemoTaxpayers.newMst(), 1_500_000, 1_500_000)), 202);
		JsonNode report = awaitReport(reference, (r) -> true);
		expectState(report, "RECORDED");
		String treasury = report.at("/recorded/lines/0/treasury").asString();
		if (!List.of("REQUESTED", "POSTED", "REFUSED").contains(treasury)) {
			throw new Unmet("no treasury posting in " + report);
		}
		return "202 message " + accepted.path("messageId").asString() + ", then RECORDED, treasury " + treasury;
	}

	private String sentAgain() throws IOException, InterruptedException {
		String reference = reference();
		String mst = DemoTaxpayers.newMst();
		String first = confirmation(reference, mst, 2_000_000, 2_000_000);
		expect(confirm(first), 202);
		String recordedAt = awaitReport(reference, (r) -> true).at("/recorded/receivedAt").asString();
		expect(confirm(first), 202);
		// keyed by the payer, the resend and then the conflict are read in order: once the conflict shows,
		// the resend was read before it
		expect(confirm(confirmation(reference, mst, 2_500_000, 2_500_000)), 202);
		JsonNode report = awaitReport(reference, (r) -> r.path("rejected").size() > 0);
		expectState(report, "RECORDED");
		if (!recordedAt.equals(report.at("/recorded/receivedAt").asString())
				|| report.at("/recorded/amountVnd").asLong() != 2_000_000) {
			throw new Unmet("the recorded confirmation changed: " + report);
		}
		List<String> reasons = report.path("rejected").valueStream().map((r) -> r.path("reason").asString()).toList();
		if (!reasons.equals(List.of("conflict"))) {
			throw new Unmet("expected one rejection, a conflict (the resend is no rejection), got " + reasons);
		}
		return "202 ×3; RECORDED once (2,000,000 VND), the other content rejected: conflict";
	}

	private String linesDoNotSum() throws IOException, InterruptedException {
		JsonNode problem = expect(confirm(confirmation(reference(), DemoTaxpayers.newMst(), 3_000_000, 2_999_000)), 422);
		return expectReason(problem, "lines-do-not-sum");
	}

	private String invalidMst() throws IOException, InterruptedException {
		String valid = DemoTaxpayers.newMst();
		String wrong = valid.substring(0, 9) + (char) ('0' + (valid.charAt(9) - '0' + 1) % 10);
		JsonNode problem = expect(confirm(confirmation(reference(), wrong, 1_000_000, 1_000_000)), 422);
		return expectReason(problem, "invalid-mst");
	}

	private String asAnother() throws IOException, InterruptedException {
		String reference = reference();
		String mine = confirmation(reference, DemoTaxpayers.newMst(), 1_000_000, 1_000_000);
		HttpResponse<String> impostor = send(this.target.tokens().bank(this.target.otherBankCode()), post(mine));
		JsonNode problem = expect(impostor, 403);
		expect(confirm(mine), 202);
		awaitReport(reference, (r) -> true);
		expect(send(this.target.tokens().bank(this.target.otherBankCode()), report(reference)), 404);
		return "403 " + problem.path("type").asString() + "; its report: 200 to its bank, 404 to the other";
	}

	private HttpResponse<String> confirm(String json) throws IOException, InterruptedException {
		return send(this.target.tokens().bank(this.target.bankCode()), post(json));
	}

	private HttpRequest.Builder post(String json) {
		return HttpRequest.newBuilder(URI.create(this.target.paymentGateway() + "/api/v1/bank/confirmations"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
	}

	private HttpRequest.Builder report(String reference) {
		return HttpRequest.newBuilder(URI.create(this.target.paymentGateway() + "/api/v1/bank/confirmations/" + reference))
			.GET();
	}

	/** The bank's status report of a reference, once it exists and satisfies the condition. */
	private JsonNode awaitReport(String reference, Predicate<JsonNode> until)
			throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(PATIENCE);
		HttpResponse<String> response;
		do {
			Thread.sleep(200);
			response = send(this.target.tokens().bank(this.target.bankCode()), report(reference));
			if (response.statusCode() == 200 && until.test(JSON.readTree(response.body()))) {
				return JSON.readTree(response.body());
			}
		}
		while (Instant.now().isBefore(deadline));
		throw new Unmet("no such status report of " + reference + " within " + PATIENCE.toSeconds() + " s; last "
				+ response.statusCode() + ": " + response.body());
	}

	private static void expectState(JsonNode report, String state) {
		if (!state.equals(report.path("state").asString())) {
			throw new Unmet("expected " + state + ", got " + report);
		}
	}

	private static String expectReason(JsonNode problem, String reason) {
		if (!reason.equals(problem.path("reason").asString())) {
			throw new Unmet("expected reason " + reason + ", got " + problem);
		}
		return "422 " + problem.path("type").asString() + " reason " + reason;
	}

	/** A confirmation version 1 of one VAT line, debited yesterday (Asia/Ho_Chi_Minh). */
	private String confirmation(String reference, String mst, long total, long line) {
		return DevConfirmations.oneLine(this.target.bankCode(), reference, mst, total, line,
				LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1), null);
	}

	private static String reference() {
		return "CONF" + REFERENCES.incrementAndGet();
	}

}
