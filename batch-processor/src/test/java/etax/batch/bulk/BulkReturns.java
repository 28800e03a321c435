package etax.batch.bulk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import etax.devstack.DemoTaxpayers;
import etax.devstack.ServiceProcess;
import etax.schemas.Samples;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the bulk filing tests file and whom for: the catalog's sample 01/GTGT (Q1/2026) given to fresh
 * taxpayers of an agent, registered straight in declaration-api's schema, and declaration-api itself,
 * run from its executable jar as a separate process as it is deployed.
 */
final class BulkReturns {

	static final Path LOGS = Path.of("target", "bulk-filing-logs");

	private BulkReturns() {
	}

	/** The sample return of a taxpayer, unsigned, with its XML declaration. */
	static String of(String mst) {
		String sample = new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8);
		return sample.replaceFirst("<mst>[^<]*</mst>", "<mst>" + mst + "</mst>");
	}

	/**
	 * Supplement 1 of the sample return: three indicators corrected, explained in its 01-1/KHBS appendix,
	 * 3,000,000 more VAT to pay; accepted only when the original was filed first.
	 */
	static String supplement(String original) {
		String xml = original.replace("<loaiTKhai>C</loaiTKhai>", "<loaiTKhai>B</loaiTKhai>")
			.replace("<soLan>0</soLan>", "<soLan>1</soLan>")
			.replaceFirst("<ct25>[^<]*</ct25>", "<ct25>45000000</ct25>")
			.replaceFirst("<ct36>[^<]*</ct36>", "<ct36>37000000</ct36>")
			.replaceFirst("<ct40a>[^<]*</ct40a>", "<ct40a>25000000</ct40a>")
			.replaceFirst("<ct40>[^<]*</ct40>", "<ct40>25000000</ct40>");
		return xml.replace("<PLuc/>", "<PLuc><PL01_KHBS/><PL01_1_KHBS><GiaiTrinh><ChiTiet><tenChiTieu>Chỉ tiêu 40"
				+ "</tenChiTieu><maChiTieu>40</maChiTieu><soDaKeKhai>22000000</soDaKeKhai><soDieuChinh>25000000"
				+ "</soDieuChinh><chenhLech>3000000</chenhLech><lyDo>Bổ sung hóa đơn bị bỏ sót</lyDo></ChiTiet>"
				+ "</GiaiTrinh></PL01_1_KHBS></PLuc>");
	}

	/** A return without its XML declaration, as it goes into a bundle. */
	static String withoutDeclaration(String xml) {
		return xml.substring(xml.indexOf("?>") + 2).strip();
	}

	/** Registers an agent and taxpayers under contract with it ({@code M} or {@code Q} filers). */
	static void register(JdbcClient filing, String agent, List<String> clients, String frequency) {
		taxpayers(filing, List.of(agent), "M");
		taxpayers(filing, clients, frequency);
		filing.sql("""
				INSERT INTO filing.agent_contract (agent_mst, taxpayer_mst, contract_number, valid_from)
				SELECT ?, client, 'HD-' || client, DATE '2026-01-01' FROM unnest(string_to_array(?, ',')) AS client
				""").params(agent, String.join(",", clients)).update();
	}

	/** Registers active e-filing taxpayers of tax office 99999. */
	static void taxpayers(JdbcClient filing, List<String> msts, String frequency) {
		filing.sql("""
				INSERT INTO filing.taxpayer (mst, name, status, e_filing, filing_frequency, tax_office_code, chapter)
				SELECT mst, 'CÔNG TY THỬ LÔ', 'ACTIVE', true, ?, '99999', '754' FROM unnest(string_to_array(?, ',')) AS mst
				""").params(frequency, String.join(",", msts)).update();
	}

	static String newMst() {
		return DemoTaxpayers.newMst();
	}

	/**
	 * Starts declaration-api's jar (packaged by the reactor before this module; its log is
	 * {@code declaration-api.log}) on any free port and waits until it is healthy. One that does not become healthy
	 * is killed before this throws ({@link ServiceProcess#awaitHealthy}): the caller has nothing to stop.
	 */
	static ServiceProcess declarationApi(Map<String, Object> properties) {
		Map<String, Object> withNoticeKey = new HashMap<>(properties);
		// XML notices signed with a key made at start: these tests read the JSON receipts only
		withNoticeKey.put("etax.declaration.notice-signing.ephemeral", "true");
		try {
			ServiceProcess process = ServiceProcess.startJar(Path.of("..").toAbsolutePath().normalize(),
					"declaration-api", 0, withNoticeKey, LOGS);
			process.awaitHealthy(Duration.ofMinutes(3));
			return process;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
