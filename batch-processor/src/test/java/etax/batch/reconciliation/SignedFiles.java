package etax.batch.reconciliation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import etax.devstack.DevFileSignatures;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Daily files signed as their senders sign them (docs/adr/0014-reconciliation.md): a bank's file by the
 * dev key of the bank its header names, the treasury's statement by the dev treasury's key (dev-stack's
 * {@link DevFileSignatures}, which the tests' batch-processor trusts). The dev banks' public keys are
 * registered in a stand-in for the gateway's published view {@code payment.bank_keys_v1}, a table with the
 * view's columns, as {@link TaxSide} does for the tax side.
 */
public final class SignedFiles {

	/** The header the signature travels in over HTTP. */
	public static final String HEADER = DevFileSignatures.HEADER;

	/** The dev banks registered in the stand-in, each with its key {@code <bank>-dev-1}, RS256. */
	public static final List<String> BANKS = List.of(TaxSide.BANK, "01204001");

	private static final Pattern BANK_CODE = Pattern.compile("<MA_NHANG_DC>\\s*(\\d{8})\\s*</MA_NHANG_DC>");

	private static final String STAND_IN = """
			CREATE SCHEMA IF NOT EXISTS payment;
			CREATE TABLE IF NOT EXISTS payment.bank_keys_v1 (
				key_id text PRIMARY KEY, bank_code text NOT NULL, algorithm text NOT NULL, public_key text NOT NULL,
				valid_from timestamp with time zone NOT NULL, valid_to timestamp with time zone
			)""";

	private SignedFiles() {
	}

	/**
	 * Registers the dev banks' keys in the stand-in view, once per database; every test that imports a bank's
	 * file calls it first.
	 * @param jdbc this service's database
	 */
	public static void registerBanks(JdbcClient jdbc) {
		jdbc.sql(STAND_IN).update();
		for (String bank : BANKS) {
			registerKey(jdbc, DevFileSignatures.bankKeyId(bank), bank, "RS256", DevFileSignatures.bankPublicKey(bank),
					"2020-01-01T00:00:00Z", null);
		}
	}

	/** Registers a key in the stand-in view, as the gateway's onboarding would. */
	public static void registerKey(JdbcClient jdbc, String keyId, String bank, String algorithm, String publicKey,
			String validFrom, @Nullable String validTo) {
		jdbc.sql(STAND_IN).update();
		jdbc.sql("""
				INSERT INTO payment.bank_keys_v1 VALUES (?, ?, ?, ?, ?::timestamptz, ?::timestamptz)
				ON CONFLICT (key_id) DO NOTHING""")
			.params(keyId, bank, algorithm, publicKey, validFrom, validTo)
			.update();
	}

	/**
	 * @param xml a bank's file
	 * @return its detached JWS by the dev key of the bank its {@code MA_NHANG_DC} names
	 */
	public static String bank(String xml) {
		Matcher bank = BANK_CODE.matcher(xml);
		return DevFileSignatures.bank(bank.find() ? bank.group(1) : TaxSide.BANK, xml.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @param csv the treasury's statement
	 * @return its detached JWS by the dev treasury's key
	 */
	public static String treasury(String csv) {
		return DevFileSignatures.treasury(csv.getBytes(StandardCharsets.UTF_8));
	}

}
