package etax.devstack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.Demo.expect;
import static etax.devstack.Demo.send;
import static etax.devstack.Demo.text;

/**
 * The demo's officers at work: a fine for the VAT return filed late (ADR 0024), and a tax inspection of the business's
 * 2025 VAT at its premises, concluded with tax assessed on the third quarter, which the ledger then owes from that
 * quarter's deadline, and a fine of 20 % of it for understating it; the daily interest job assesses interest on the
 * tax, not the fine, from the day after its deadline (ADR 0023).
 */
final class DemoInspection {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The quarter the inspection finds under-declared, as the voucher writes it. */
	private static final String PERIOD = "00/Q3/2025";

	private static final long ASSESSED = 30_000_000;

	private final String declarationApi;

	private final String paymentGateway;

	private final TokenIssuer tokens;

	DemoInspection(StackFile stack, TokenIssuer tokens) {
		this.declarationApi = stack.declarationApi();
		this.paymentGateway = stack.paymentGateway();
		this.tokens = tokens;
	}

	/** An officer fines the return filed late, the least its band allows (Decree 125/2020 Art. 13). */
	void fine(String returnId, String taxOffice) throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		JsonNode fine = expect(send(HttpRequest
			.newBuilder(URI.create(this.declarationApi + "/api/v1/returns/" + returnId + "/late-filing-penalty"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("decisionNumber", "DEMO/QĐ-XPHC",
					"decidedOn", today.toString(), "amount", 15_000_000)))), this.tokens.officer(taxOffice)), 201);
		System.out.printf("   the return was filed %d days after its deadline %s: fined %,d VND (band %,d to %,d), "
				+ "sub-item %s, due %s; no interest runs on a fine%n", fine.get("daysLate").asLong(), text(fine, "deadline"),
				fine.get("amount").asLong(), fine.at("/band/min").asLong(), fine.at("/band/max").asLong(),
				text(fine, "subItem"), text(fine, "dueDate"));
	}

	/** @return the due date of the tax the conclusion assessed */
	LocalDate run(String mst, String taxOffice) throws Exception {
		String officer = this.tokens.officer(taxOffice);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		String inspections = this.declarationApi + "/api/v1/taxpayers/" + mst + "/inspections";
		JsonNode inspection = expect(send(HttpRequest.newBuilder(URI.create(inspections))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("decisionNumber", "DEMO/QĐ-KT",
					"kind", "KIEM_TRA", "periodFrom", "2025-01-01", "periodTo", "2025-12-31", "taxTypes", List.of("GTGT"),
					"announcedOn", today.minusDays(10).toString())))), officer), 201);
		System.out.printf("   an officer records inspection %s (%s) of its 2025 VAT, announced %s%n",
				text(inspection, "decisionNumber"), inspection.at("/kindLabel/en").asString(), today.minusDays(10));
		JsonNode concluded = expect(send(HttpRequest
			.newBuilder(URI.create(inspections + "/" + text(inspection, "id") + "/conclusion"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("concludedOn", today.toString(),
					"decisionNumber", "DEMO/KL-KT", "assessedTax", List.of(Map.of("maTKhai", "842", "periodKind", "Q",
							"period", "3/2025", "subItem", "1701", "amount", ASSESSED, "fine",
							Map.of("violation", "UNDERSTATEMENT"))))))),
				officer), 201);
		JsonNode assessed = concluded.at("/conclusion/assessedTax/0");
		String item = text(assessed, "payableItemId");
		System.out.printf("   and concludes it today (%s): %,d VND of VAT assessed for %s, sub-item %s, due on the "
				+ "quarter's deadline %s: payable item %s%n", text(concluded.get("conclusion"), "decisionNumber"),
				assessed.get("amount").asLong(), text(assessed, "taxPeriod"), text(assessed, "subItem"),
				text(assessed, "dueDate"), item);
		JsonNode fine = assessed.get("fine");
		System.out.printf("   with a fine for understating it (Decree 125/2020 Art. 16): %s × %,d = %,d VND, sub-item %s, "
				+ "due %s: payable item %s%n", fine.get("rate").decimalValue().toPlainString(), ASSESSED,
				fine.get("amount").asLong(), text(fine, "subItem"), text(fine, "dueDate"), text(fine, "payableItemId"));
		JsonNode booked = awaitItem(mst, (items) -> items.stream()
			.filter((i) -> item.equals(text(i, "payableItemId")))
			.findFirst()
			.orElse(null), "the gateway did not book the assessed tax");
		JsonNode bookedFine = awaitItem(mst, (items) -> items.stream()
			.filter((i) -> text(fine, "payableItemId").equals(text(i, "payableItemId")))
			.findFirst()
			.orElse(null), "the gateway did not book the fine");
		System.out.printf("   the ledger owes them: %s VND of tax outstanding since %s, and the fine, %s VND (%s)%n",
				booked.get("outstanding").decimalValue().toPlainString(), text(booked, "dueDate"),
				bookedFine.get("outstanding").decimalValue().toPlainString(), text(bookedFine, "kind"));
		return LocalDate.parse(text(booked, "dueDate"));
	}

	/** Prints the interest the daily job booked on the assessed tax through yesterday, against the hand count. */
	void showInterest(String mst, LocalDate dueDate) throws Exception {
		LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
		long days = ChronoUnit.DAYS.between(dueDate, yesterday);
		BigDecimal expected = BigDecimal.valueOf(ASSESSED)
			.multiply(new BigDecimal("0.0003"))
			.multiply(BigDecimal.valueOf(days))
			.setScale(0, RoundingMode.HALF_UP);
		JsonNode interest = awaitItem(mst, (items) -> {
			BigDecimal total = items.stream()
				.filter((i) -> "INTEREST".equals(text(i, "kind")) && PERIOD.equals(text(i, "taxPeriod"))
						&& "4931".equals(text(i, "subItem")))
				.map((i) -> i.get("amount").decimalValue())
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			return (total.signum() > 0) ? JSON.getNodeFactory().numberNode(total) : null;
		}, "the gateway did not book the interest on the assessed tax");
		System.out.printf("   interest booked on the assessed VAT (sub-item 4931): %s VND = %d days × 0.03 %% × %,d "
				+ "(expected %s)%n", interest.decimalValue().toPlainString(), days, ASSESSED, expected.toPlainString());
	}

	/** The first match in the taxpayer's ledger items, once there is one (at most 30 s). */
	private JsonNode awaitItem(String mst, Function<List<JsonNode>, JsonNode> match, String failure)
			throws Exception {
		URI uri = URI.create(this.paymentGateway + "/api/v1/taxpayers/" + mst + "/balance");
		String taxpayer = this.tokens.taxpayer(mst);
		Instant deadline = Instant.now().plusSeconds(30);
		while (Instant.now().isBefore(deadline)) {
			List<JsonNode> items = expect(send(HttpRequest.newBuilder(uri).GET(), taxpayer), 200).get("items")
				.valueStream()
				.toList();
			JsonNode found = match.apply(items);
			if (found != null) {
				return found;
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("Within 30 s " + failure);
	}

}
