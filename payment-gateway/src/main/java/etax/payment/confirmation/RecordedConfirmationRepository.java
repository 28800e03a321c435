package etax.payment.confirmation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import etax.ids.TaxpayerId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What was recorded under a bank's reference, as officers and banks read it: the booked confirmation with its
 * lines, and the pending and failed ones, each with the officer's re-drive it came from, if any.
 */
@Repository
class RecordedConfirmationRepository {

	private final JdbcClient client;

	RecordedConfirmationRepository(JdbcClient client) {
		this.client = client;
	}

	Optional<RecordedConfirmation> find(String bankCode, String bankReference) {
		List<ConfirmationLine> lines = new ArrayList<>();
		List<BigDecimal> linesVnd = new ArrayList<>();
		this.client.sql("""
				SELECT chapter, sub_item, tax_period, amount, payable_item_id, return_number, amount_vnd
				FROM payment.confirmation_line WHERE bank_code = ? AND bank_reference = ? ORDER BY line_number""")
			.params(bankCode, bankReference)
			.query((ResultSet row) -> {
				lines.add(new ConfirmationLine(row.getString(1), row.getString(2), new TaxPeriod(row.getString(3)),
						Vouchers.normalized(row.getBigDecimal(4)), row.getString(5), row.getString(6)));
				linesVnd.add(row.getBigDecimal(7));
			});
		return this.client.sql("""
				SELECT c.*, r.redriven_by AS redrive_by, r.redriven_at AS redrive_at
				FROM payment.confirmation c LEFT JOIN payment.rejected_message r ON r.id = c.redrive_of
				WHERE c.bank_code = ? AND c.bank_reference = ?""")
			.params(bankCode, bankReference)
			.query((row, rowNumber) -> recorded(row, lines, linesVnd))
			.optional();
	}

	/** The pending and failed confirmations recorded under a key, oldest first. */
	List<UnbookedConfirmation> unbooked(String bankCode, String bankReference) {
		return this.client.sql("""
				SELECT u.bank_code, u.bank_reference, u.status, u.payer_mst, u.amount, u.currency, u.payment_date,
				    u.content_hash, u.received_at, u.kafka_topic, u.kafka_partition, u.kafka_offset, u.redrive_of,
				    r.redriven_by AS redrive_by, r.redriven_at AS redrive_at, u.collecting_agency_code
				FROM payment.unbooked_confirmation u LEFT JOIN payment.rejected_message r ON r.id = u.redrive_of
				WHERE u.bank_code = ? AND u.bank_reference = ? ORDER BY u.received_at""")
			.params(bankCode, bankReference)
			.query((row, rowNumber) -> new UnbookedConfirmation(row.getString(1), row.getString(2), row.getString(3),
					row.getString(4), Vouchers.normalized(row.getBigDecimal(5)), row.getString(6),
					row.getObject(7, LocalDate.class), row.getString(8),
					row.getObject(9, OffsetDateTime.class).toInstant(),
					new MessagePosition(row.getString(10), row.getInt(11), row.getLong(12)), redrive(row),
					row.getString("collecting_agency_code")))
			.list();
	}

	private static RecordedConfirmation recorded(ResultSet row, List<ConfirmationLine> lines, List<BigDecimal> linesVnd)
			throws SQLException {
		String onBehalf = row.getString("payer_on_behalf_mst");
		BigDecimal rate = row.getBigDecimal("exchange_rate");
		OffsetDateTime sentAt = row.getObject("sent_at", OffsetDateTime.class);
		BankConfirmation confirmation = new BankConfirmation(row.getString("bank_code"), row.getString("bank_reference"),
				row.getString("voucher_number"), new TaxpayerId(row.getString("payer_mst")),
				(onBehalf != null) ? new TaxpayerId(onBehalf) : null, row.getString("currency"),
				(rate != null) ? Vouchers.normalized(rate) : null, Vouchers.normalized(row.getBigDecimal("amount")),
				row.getObject("payment_date", LocalDate.class),
				(sentAt != null) ? sentAt.toInstant() : row.getObject("received_at", OffsetDateTime.class).toInstant(),
				BankConfirmation.Status.valueOf(row.getString("status")), row.getString("reversal_of"),
				row.getString("treasury_code"), row.getString("treasury_account"),
				(row.getString("collecting_agency_code") != null) ? row.getString("collecting_agency_code") : "",
				row.getString("area_code"), lines);
		return new RecordedConfirmation(confirmation, row.getString("content_hash"),
				row.getObject("received_at", OffsetDateTime.class).toInstant(),
				new MessagePosition(row.getString("kafka_topic"), row.getInt("kafka_partition"),
						row.getLong("kafka_offset")),
				row.getBigDecimal("amount_vnd"), linesVnd, redrive(row));
	}

	/** Where a confirmation came from when an officer re-drove it, else null: the bank's own message. */
	private static @Nullable RedriveOrigin redrive(ResultSet row) throws SQLException {
		long rejection = row.getLong("redrive_of");
		if (row.wasNull()) {
			return null;
		}
		OffsetDateTime at = row.getObject("redrive_at", OffsetDateTime.class);
		return new RedriveOrigin(rejection, String.valueOf(row.getString("redrive_by")),
				(at != null) ? at.toInstant() : null);
	}

}
