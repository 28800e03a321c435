package etax.benchmarks;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Stores a ceiling's returns as the services store theirs (declaration-api's migration V8, batch-processor's
 * V31): compressed with lz4 where the server is built with it, otherwise uncompressed and out of line, so
 * that a ceiling and the service it bounds pay the same for the XML column.
 */
public final class ReturnStorage {

	private ReturnStorage() {
	}

	/**
	 * @param statement a statement on the benchmark's database
	 * @param table the table, schema-qualified
	 * @param column its XML column
	 * @throws SQLException if the table cannot be altered
	 */
	public static void likeTheServices(Statement statement, String table, String column) throws SQLException {
		statement.execute("""
				DO $$
				BEGIN
				    ALTER TABLE %1$s ALTER COLUMN %2$s SET COMPRESSION lz4;
				EXCEPTION WHEN feature_not_supported THEN
				    ALTER TABLE %1$s ALTER COLUMN %2$s SET STORAGE EXTERNAL;
				END $$""".formatted(table, column));
	}

}
