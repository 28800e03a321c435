package etax.payment.confirmation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import etax.payment.confirmation.ReceivedConfirmation.ConfirmationKey;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Recorded payments as a reversal naming them sees them ({@link Reversals}): payer, currency, rate and total, the
 * reversal recorded of each, if any, and how each was coded.
 */
@Repository
class ReversiblePaymentRepository {

	private final NamedParameterJdbcTemplate jdbc;

	ReversiblePaymentRepository(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the recorded payments that reversals name, as an officer's REVERSE of a payment locks it
	 * ({@code CorrectionRepository#lockPayment}): a REVERSE approved meanwhile waits and then sees the bank's reversal
	 * (refused: the money would go back twice), or the reversal waits for the REVERSE, which it carries out.
	 */
	void lock(Collection<ConfirmationKey> named) {
		Set<ConfirmationKey> originals = new TreeSet<>(Comparator.comparing(ConfirmationKey::bankCode)
			.thenComparing(ConfirmationKey::bankReference));
		originals.addAll(named);
		if (originals.isEmpty()) {
			return;
		}
		this.jdbc.getJdbcTemplate().query("""
				SELECT 1 FROM payment.confirmation o
				JOIN unnest(?::text[], ?::text[]) AS k (bank_code, bank_reference) USING (bank_code, bank_reference)
				ORDER BY o.bank_code, o.bank_reference
				FOR NO KEY UPDATE OF o""", (ResultSet row) -> {
		}, originals.stream().map(ConfirmationKey::bankCode).toArray(String[]::new),
				originals.stream().map(ConfirmationKey::bankReference).toArray(String[]::new));
	}

	/**
	 * What a reversal needs to know of the payments it names, by their key; a key named twice (a reversal resent
	 * in the same poll) is read once, or each of its lines would be read once per time it is named.
	 */
	Map<ConfirmationKey, Reversible> reversible(Collection<ConfirmationKey> named) {
		Map<ConfirmationKey, Reversible> found = new HashMap<>();
		Set<ConfirmationKey> originals = new LinkedHashSet<>(named);
		if (originals.isEmpty()) {
			return found;
		}
		Map<ConfirmationKey, List<String>> lines = new HashMap<>();
		this.jdbc.getJdbcTemplate().query("""
				SELECT o.bank_code, o.bank_reference, o.payer_mst, o.currency, o.amount, o.status, r.bank_reference,
				    o.treasury_code, o.treasury_account, o.area_code, l.chapter, l.sub_item, l.tax_period, l.amount,
				    o.exchange_rate, o.collecting_agency_code, o.payment_date
				FROM payment.confirmation o
				JOIN unnest(?::text[], ?::text[]) AS k (bank_code, bank_reference) USING (bank_code, bank_reference)
				JOIN payment.confirmation_line l ON l.bank_code = o.bank_code AND l.bank_reference = o.bank_reference
				LEFT JOIN payment.confirmation r ON r.bank_code = o.bank_code AND r.reversal_of = o.bank_reference""",
				(ResultSet row) -> {
					ConfirmationKey key = new ConfirmationKey(row.getString(1), row.getString(2));
					lines.computeIfAbsent(key, (k) -> new ArrayList<>())
						.add(Reversals.Coding.line(row.getString(11), row.getString(12), row.getString(13),
								row.getBigDecimal(14)));
					found.put(key, new Reversible(row.getString(3), row.getString(4), row.getBigDecimal(15),
							row.getBigDecimal(5), row.getObject(17, LocalDate.class), row.getString(6), row.getString(7),
							new Reversals.Coding(row.getString(8), row.getString(9), row.getString(16), row.getString(10),
									lines.get(key))));
				}, originals.stream().map(ConfirmationKey::bankCode).toArray(String[]::new),
				originals.stream().map(ConfirmationKey::bankReference).toArray(String[]::new));
		return found;
	}

	/**
	 * A payment as a reversal naming it sees it.
	 * @param payerMst the payer
	 * @param currency its currency
	 * @param exchangeRate its rate, VND per unit of its currency, or null for VND: what its lines were applied and
	 * posted at in VND
	 * @param amount its total
	 * @param paymentDate the day the bank confirmed it: its reversal is on that day or after
	 * @param status its status
	 * @param reversedBy the reference of its reversal, if one is recorded
	 * @param coding its treasury, account, area and lines
	 */
	record Reversible(String payerMst, String currency, @Nullable BigDecimal exchangeRate, BigDecimal amount,
			LocalDate paymentDate, String status, @Nullable String reversedBy, Reversals.Coding coding) {

	}

}
