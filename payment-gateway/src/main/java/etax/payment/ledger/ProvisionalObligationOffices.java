package etax.payment.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import etax.payment.office.TaxOffices;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Migration 39 of the payment schema: the provisional payments' obligations booked before it kept their payment's
 * collecting agency code ({@code MA_CQTHU}, 3 to 7 digits) as their tax office, which is no office's, or another
 * office's by chance (ADR 0022). Each now has the office its agency maps to in
 * {@code etax.payment.offices.collecting-agencies}, as one booked today gets, and none when the agency maps to none.
 *
 * <p>
 * A Java migration, since the mapping is configuration that no SQL script can read; Flyway runs it once, with the
 * mapping the gateway starts with, in order with the scripts of {@code db/migration/payment} (whose next version is
 * therefore 40).
 */
@Component
class ProvisionalObligationOffices implements JavaMigration {

	private final TaxOffices offices;

	ProvisionalObligationOffices(TaxOffices offices) {
		this.offices = offices;
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("39");
	}

	@Override
	public String getDescription() {
		return "provisional obligations of their collecting office";
	}

	@Override
	public @Nullable Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		remap(context.getConnection());
	}

	/**
	 * Gives each provisional obligation the office of the agency code it holds, in one statement, so that an
	 * obligation moved to an office is not read again as holding that office's code.
	 * @param connection the migration's
	 * @return how many obligations it changed
	 */
	int remap(Connection connection) throws SQLException {
		List<String> agencies = new ArrayList<>();
		try (PreparedStatement stored = connection.prepareStatement("""
				SELECT DISTINCT tax_office_code FROM payment.obligation
				WHERE starts_with(item_id, ?) AND tax_office_code IS NOT NULL""")) {
			stored.setString(1, ProvisionalPayments.ID_PREFIX);
			try (ResultSet rows = stored.executeQuery()) {
				while (rows.next()) {
					agencies.add(rows.getString(1));
				}
			}
		}
		if (agencies.isEmpty()) {
			return 0;
		}
		try (PreparedStatement update = connection.prepareStatement("""
				UPDATE payment.obligation o SET tax_office_code = m.office
				FROM unnest(?::text[], ?::text[]) AS m (agency, office)
				WHERE starts_with(o.item_id, ?) AND o.tax_office_code = m.agency""")) {
			update.setArray(1, connection.createArrayOf("text", agencies.toArray()));
			update.setArray(2, connection.createArrayOf("text",
					agencies.stream().map(this.offices::mappedOffice).toArray()));
			update.setString(3, ProvisionalPayments.ID_PREFIX);
			return update.executeUpdate();
		}
	}

}
