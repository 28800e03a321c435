package etax.batch.interest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.RowMapper;

/**
 * A query whose rows PostgreSQL keeps past the transaction that ran it ({@code DECLARE … WITH HOLD}),
 * fetched a page at a time outside any transaction on a connection of its own. A plain cursor keeps its
 * transaction and snapshot open while its rows are read (a minute for a million items), and while it
 * does no dead row anywhere in the database can be removed: the outboxes the services fill and their
 * relays empty, the accruals the job updates, every other table.
 */
final class HoldableCursor implements AutoCloseable {

	private final Connection connection;

	private final String name;

	private HoldableCursor(Connection connection, String name) {
		this.connection = connection;
		this.name = name;
	}

	/**
	 * Runs the query and keeps its rows.
	 * @param dataSource where the connection comes from (held until {@link #close})
	 * @param name the cursor's name, unique among the cursors open at once on a connection
	 * @param sql the query
	 * @param parameters its parameters
	 * @return the open cursor
	 * @throws SQLException if the query fails; the connection is then returned
	 */
	static HoldableCursor open(DataSource dataSource, String name, String sql, PreparedStatementSetter parameters)
			throws SQLException {
		Connection connection = dataSource.getConnection();
		try {
			connection.setAutoCommit(false);
			try (PreparedStatement declare = connection
				.prepareStatement("DECLARE " + name + " NO SCROLL CURSOR WITH HOLD FOR " + sql)) {
				parameters.setValues(declare);
				declare.execute();
			}
			// the query runs and its rows are kept here; the snapshot ends with the transaction
			connection.commit();
			connection.setAutoCommit(true);
			return new HoldableCursor(connection, name);
		}
		catch (SQLException ex) {
			try (connection) {
				connection.rollback();
				connection.setAutoCommit(true);
			}
			catch (SQLException closing) {
				// the connection is gone as well: the cause to report is still why the query failed
				ex.addSuppressed(closing);
			}
			throw ex;
		}
	}

	/**
	 * @param rows the most rows to fetch
	 * @param mapper what each row becomes
	 * @return the next rows; fewer than asked for when the query has no more
	 */
	<T> List<T> fetch(int rows, RowMapper<T> mapper) throws SQLException {
		List<T> page = new ArrayList<>(rows);
		try (Statement statement = this.connection.createStatement();
				ResultSet result = statement.executeQuery("FETCH FORWARD " + rows + " FROM " + this.name)) {
			while (result.next()) {
				page.add(Objects.requireNonNull(mapper.mapRow(result, page.size()), "a row maps to a value"));
			}
		}
		return page;
	}

	/** Closes the cursor and returns the connection. */
	@Override
	public void close() throws SQLException {
		try (this.connection; Statement statement = this.connection.createStatement()) {
			statement.execute("CLOSE " + this.name);
		}
	}

}
