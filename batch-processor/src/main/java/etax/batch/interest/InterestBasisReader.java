package etax.batch.interest;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one partition's {@link InterestBasis} for a day through a {@link HoldableCursor}: the query runs
 * when the step opens the reader, and its rows are fetched a page at a time outside any transaction.
 * Keeps no position: a restarted partition runs the query again, which leaves out the items already
 * assessed for the day.
 */
class InterestBasisReader implements ItemStreamReader<InterestBasis> {

	private final DataSource dataSource;

	private final LocalDate day;

	private final int partitions;

	private final int partition;

	private final int fetchSize;

	private final Deque<InterestBasis> fetched = new ArrayDeque<>();

	private @Nullable HoldableCursor cursor;

	private boolean exhausted;

	InterestBasisReader(DataSource dataSource, LocalDate day, int partitions, int partition, int fetchSize) {
		this.dataSource = dataSource;
		this.day = day;
		this.partitions = partitions;
		this.partition = partition;
		this.fetchSize = fetchSize;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		try {
			this.cursor = HoldableCursor.open(this.dataSource, "interest_basis_" + this.partition, InterestBasisQuery.SQL,
					(declare) -> {
						declare.setObject(1, this.day);
						declare.setObject(2, this.day);
						declare.setInt(3, this.partitions);
						declare.setInt(4, this.partition);
					});
			this.exhausted = false;
		}
		catch (SQLException ex) {
			throw new ItemStreamException("Cannot read the interest basis of " + this.day, ex);
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
		HoldableCursor open = this.cursor;
		if (open == null) {
			throw new IllegalStateException("The reader is not open");
		}
		List<InterestBasis> page = open.fetch(this.fetchSize, InterestBasisQuery::basis);
		this.fetched.addAll(page);
		this.exhausted = page.size() < this.fetchSize;
	}

	@Override
	public void close() {
		HoldableCursor open = this.cursor;
		this.cursor = null;
		this.fetched.clear();
		if (open == null) {
			return;
		}
		try {
			open.close();
		}
		catch (SQLException ex) {
			throw new ItemStreamException("Cannot close the interest basis cursor", ex);
		}
	}

}
