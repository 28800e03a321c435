package etax.batch.interest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one partition's {@link InterestBasis} for a day through a holdable cursor: the query runs when the
 * step opens the reader, its result is kept by PostgreSQL when the cursor's transaction commits, and
 * rows are fetched from it a page at a time outside any transaction. A plain cursor would keep its
 * transaction and snapshot open for the whole partition (a minute for a million items), and while it
 * does no dead row anywhere in the database can be removed: the outbox the job fills and the relay
 * empties, the accruals it updates, every other service's tables. Keeps no position: a restarted
 * partition runs the query again, which leaves out the items already assessed for the day.
 */
class InterestBasisReader implements ItemStreamReader<InterestBasis> {

	private final DataSource dataSource;

	private final LocalDate day;

	private final int partitions;

	private final int partition;

	private final int fetchSize;

	private final String cursor;

	private final Deque<InterestBasis> fetched = new ArrayDeque<>();

	private @Nullable Connection connection;

	private boolean declared;

	private boolean exhausted;

	InterestBasisReader(DataSource dataSource, LocalDate day, int partitions, int partition, int fetchSize) {
		this.dataSource = dataSource;
		this.day = day;
		this.partitions = partitions;
		this.partition = partition;
		this.fetchSize = fetchSize;
		this.cursor = "interest_basis_" + partition;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		try {
			Connection opened = this.dataSource.getConnection();
			this.connection = opened;
			opened.setAutoCommit(false);
			try (PreparedStatement declare = opened
				.prepareStatement("DECLARE " + this.cursor + " NO SCROLL CURSOR WITH HOLD FOR " + InterestBasisQuery.SQL)) {
				declare.setObject(1, this.day);
				declare.setObject(2, this.day);
				declare.setInt(3, this.partitions);
				declare.setInt(4, this.partition);
				declare.execute();
			}
			// the query runs and its rows are kept here; the snapshot ends with the transaction
			opened.commit();
			this.declared = true;
			opened.setAutoCommit(true);
			this.exhausted = false;
		}
		catch (SQLException ex) {
			ItemStreamException failure = new ItemStreamException("Cannot read the interest basis of " + this.day, ex);
			try {
				close();
			}
			catch (ItemStreamException closing) {
				// the connection is gone as well: the cause to report is still why the query failed
				failure.addSuppressed(closing);
			}
			throw failure;
		}
	}

	@Override
	public @Nullable InterestBasis read() throws SQLException {
		if (this.fetched.isEmpty() && !this.exhausted) {
			fetch();
		}
		return this.fetched.poll();
	}

	private void fetch() throws SQLException {
		Connection open = this.connection;
		if (open == null) {
			throw new IllegalStateException("The reader is not open");
		}
		int rows = 0;
		try (Statement statement = open.createStatement();
				ResultSet page = statement.executeQuery("FETCH FORWARD " + this.fetchSize + " FROM " + this.cursor)) {
			while (page.next()) {
				this.fetched.add(InterestBasisQuery.basis(page, rows++));
			}
		}
		this.exhausted = rows < this.fetchSize;
	}

	@Override
	public void close() {
		Connection open = this.connection;
		this.connection = null;
		this.fetched.clear();
		if (open == null) {
			return;
		}
		boolean declared = this.declared;
		this.declared = false;
		try (open) {
			if (!open.getAutoCommit()) {
				open.rollback();
				open.setAutoCommit(true);
			}
			if (declared) {
				try (Statement statement = open.createStatement()) {
					statement.execute("CLOSE " + this.cursor);
				}
			}
		}
		catch (SQLException ex) {
			throw new ItemStreamException("Cannot close the interest basis cursor", ex);
		}
	}

}
