package etax.declaration.submission;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import etax.schemas.FormCatalog;
import etax.schemas.ReturnGenerator;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Returns of any form for tests of the rules that read other returns: generated from the catalog, or stored as
 * accepted without being filed; and the findings of a receipt.
 */
final class GeneratedReturns {

	private GeneratedReturns() {
	}

	/** An original of a form version with periods ending by a day, the first seed whose XML matches. */
	static String generated(String maTKhai, String version, LocalDate latestPeriodEnd, Predicate<String> wanted) {
		return generated(maTKhai, version, "C", latestPeriodEnd, wanted);
	}

	/** A return of a form version and filing type, the first seed whose XML matches. */
	static String generated(String maTKhai, String version, String filingType, LocalDate latestPeriodEnd,
			Predicate<String> wanted) {
		ReturnGenerator generator = new ReturnGenerator(FormCatalog.load()).withFilingType(filingType)
			.withLatestPeriodEnd(latestPeriodEnd);
		for (long seed = 1; seed < 2000; seed++) {
			String xml = new String(generator.generate(maTKhai, version, seed), StandardCharsets.UTF_8);
			if (!xml.contains("<DLyThue>") && wanted.test(xml)) {
				return xml;
			}
		}
		throw new AssertionError("no generated " + maTKhai + "/" + version + " return matches");
	}

	/**
	 * A generated original 03/TNDN of a calendar year, the first that matches, filed by the taxpayer with the office
	 * that manages the tests' taxpayers (99999).
	 */
	static String citFinalization(String mst, int year, Predicate<String> wanted) {
		String xml = generated("892", "2.5.4", LocalDate.of(year, 12, 31),
				(candidate) -> candidate.contains("<kieuKy>Y</kieuKy>") && candidate.contains("<kyKKhai>" + year + "</kyKKhai>")
						&& wanted.test(candidate));
		return SampleReturns.with(SampleReturns.with(xml, "mst", mst), "maCQTNoiNop", "99999");
	}

	/** The content of the first element of that name, empty if there is none. */
	static String indicator(String xml, String name) {
		Matcher matcher = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
		return matcher.find() ? matcher.group(1) : "";
	}

	/**
	 * Stores an accepted original as the intake would, with only the indicators given, without filing it.
	 * @param form the form code, maTKhai and version, e.g. {@code 01/GTGT}, {@code 842}, {@code 2.8.3}
	 * @param chainParts the activity and unit parts of its chain key ({@code ReturnChains.keyOf})
	 * @return its transaction code
	 */
	static String accepted(JdbcClient jdbc, String mst, List<String> form, String kind, String period, String indicators,
			String... chainParts) {
		String code = String.format("%017d", System.nanoTime() % 100_000_000_000_000L + 300_000_000_000_000L);
		String chainKey = String.join("|", mst, form.get(0), kind, period) + "|" + String.join("|", chainParts);
		jdbc.sql("""
				INSERT INTO filing.tax_return (id, transaction_code, mst, form_code, ma_tkhai, form_version, filing_type,
				    submission_number, period_kind, period_value, tax_office_code, status, received_at, content_sha256,
				    indicators, findings, xml, chain_key, filed_by)
				VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, 'C', 0, ?, ?, '99999', 'ACCEPTED', now(), repeat('0', 64), ?::jsonb,
				    '[]'::jsonb, ''::bytea, ?, 'test')
				""")
			.params(code, mst, form.get(0), form.get(1), form.get(2), kind, period, indicators, chainKey)
			.update();
		return code;
	}

	static List<JsonNode> findings(JsonNode receipt) {
		return receipt.get("findings").valueStream().toList();
	}

	static List<String> ruleIds(JsonNode receipt) {
		return findings(receipt).stream().map((finding) -> finding.get("ruleId").asString()).toList();
	}

	/** The receipt's finding of that rule; fails with the receipt's findings if there is none. */
	static JsonNode finding(JsonNode receipt, String ruleId) {
		return findings(receipt).stream()
			.filter((candidate) -> candidate.get("ruleId").asString().equals(ruleId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + ruleId + " in " + receipt.get("findings")));
	}

}
