package etax.benchmarks.payment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * What the benchmark sends: taxpayers with one payable item each, and unique confirmations spread over
 * them, every other one naming its taxpayer's item (the rest are allocated by the allocation order).
 * Each confirmation pays {@value #PAYMENT} VND; each item is as large as all its payments together.
 */
final class Workload {

	static final long PAYMENT = 100_000;

	private static final int[] WEIGHTS = { 31, 29, 23, 19, 17, 13, 7, 5, 3 };

	private final String runId;

	private final int taxpayers;

	private final int confirmations;

	Workload(String runId, int taxpayers, int confirmations) {
		this.runId = runId;
		this.taxpayers = taxpayers;
		this.confirmations = confirmations;
	}

	int taxpayers() {
		return this.taxpayers;
	}

	int confirmations() {
		return this.confirmations;
	}

	/**
	 * The MST of a taxpayer: valid check digit, a range per run so runs do not share taxpayers.
	 */
	String mst(int taxpayer) {
		long base = Math.floorMod((long) this.runId.hashCode(), 900_000L) * 1000L;
		for (long n = (base + taxpayer) * 7 % 1_000_000_000L;; n++) {
			String prefix = String.format("%09d", n);
			int sum = 0;
			for (int i = 0; i < 9; i++) {
				sum += WEIGHTS[i] * (prefix.charAt(i) - '0');
			}
			if (sum % 11 != 0) {
				return prefix + ((10 - sum % 11) % 10);
			}
		}
	}

	String itemId(int taxpayer) {
		return UUID.nameUUIDFromBytes(("bench/" + this.runId + "/item/" + taxpayer).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	String reference(String phase, int index) {
		return "B" + this.runId + phase + index;
	}

	/** The payable item of a taxpayer, as declaration-api publishes it. */
	String payableItem(int taxpayer) {
		long payments = this.confirmations / this.taxpayers + 1;
		return """
				{"eventId":"%s","type":"PayableItemCreated","version":1,"occurredAt":"2026-04-15T03:12:09.123Z",\
				"payableItemId":"%s","returnId":"%s","transactionCode":"10820260000000042","mst":"%s","chapter":"754",\
				"subItem":"1701","taxPeriod":"00/Q1/2026","amount":%d,"currency":"VND","dueDate":"2026-05-04",\
				"paymentReference":"PR-%d","taxOfficeCode":"99999"}""".formatted(UUID.randomUUID(), itemId(taxpayer), UUID.randomUUID(),
				mst(taxpayer), payments * PAYMENT * 2, taxpayer);
	}

	/** Confirmation {@code index} of a phase: unique bank reference, every other one naming its item. */
	Message confirmation(String phase, int index, BenchBank bank) {
		int taxpayer = index % this.taxpayers;
		String mst = mst(taxpayer);
		String reference = reference(phase, index);
		String named = (index % 2 == 0) ? ",\"payableItemId\":\"" + itemId(taxpayer) + "\"" : "";
		String value = """
				{"version":1,"bankCode":"%s","bankReference":"%s","voucherNumber":"GNT%d","payerMst":"%s",\
				"currency":"VND","amount":%d,"paymentDate":"2026-04-20","sentAt":"2026-04-20T09:00:00+07:00",\
				"status":"DEBITED","treasuryCode":"0111","treasuryAccount":"7111","collectingAgencyCode":"1054321",\
				"areaCode":"79760","lines":[{"chapter":"754","subItem":"1701","taxPeriod":"00/Q1/2026","amount":%d%s}]}"""
			.formatted(BenchBank.CODE, reference, index, mst, PAYMENT, PAYMENT, named);
		return new Message(mst, reference, value, bank.sign(value));
	}

	/** Generates and signs the confirmations of a phase on all cores (RSA signing is the slow part). */
	List<Message> confirmations(String phase, int count, BenchBank bank) {
		return IntStream.range(0, count).parallel().mapToObj((i) -> confirmation(phase, i, bank)).toList();
	}

	/**
	 * A confirmation ready to send.
	 * @param key the payer MST
	 * @param reference its bank reference
	 * @param value the JSON
	 * @param signature the detached JWS
	 */
	record Message(String key, String reference, String value, String signature) {

	}

}
