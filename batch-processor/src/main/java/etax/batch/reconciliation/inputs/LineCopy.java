package etax.batch.reconciliation.inputs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The lines of an imported file, streamed into their table with COPY on the transaction's connection as its
 * reader turns them into rows: a bank's into {@code reconciliation.bank_file_line}, the treasury's into
 * {@code reconciliation.treasury_statement_line}.
 */
@Repository
class LineCopy {

	static final String COPY_BANK = """
			COPY reconciliation.bank_file_line (file_id, business_day, bank_code, bank_reference, line_number,
			    voucher_number, payer_mst, currency, amount, chapter, sub_item, tax_period, area_code,
			    collecting_agency_code, treasury_code, treasury_account, status) FROM STDIN""";

	static final String COPY_TREASURY = """
			COPY reconciliation.treasury_statement_line (file_id, business_day, posting_id, treasury_code,
			    treasury_account, chapter, sub_item, area_code, amount, currency) FROM STDIN""";

	/** Where PostgreSQL says a COPY failed: {@code COPY table, line 3, column amount: "…"}. */
	private static final Pattern COPY_WHERE = Pattern.compile("line (\\d+), column (\\w+)");

	private final DataSource dataSource;

	LineCopy(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Reads a file into a COPY on the current transaction's connection. */
	ParsedFile copy(String copy, FileReader reader, InputStream in, long fileId) throws IOException {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			PGCopyOutputStream stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copy, 1 << 16);
			try {
				Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
				ParsedFile parsed = reader.read(in, fileId, new CopyText(writer));
				writer.flush();
				stream.endCopy();
				return parsed;
			}
			finally {
				if (stream.isActive()) {
					stream.cancelCopy();
				}
			}
		}
		catch (SQLException ex) {
			throw refusedOr(ex, new IOException("COPY failed", ex));
		}
		catch (IOException ex) {
			throw (ex.getCause() instanceof SQLException sql) ? refusedOr(sql, ex) : ex;
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * A value PostgreSQL refused (SQL state class 22, data exception: out of range, not a date) is the
	 * file's fault, whatever the readers missed: refused with the row and column, never the value (which
	 * may be a taxpayer's). Anything else is the database's, and stays an I/O failure.
	 */
	private static IOException refusedOr(SQLException ex, IOException otherwise) {
		String state = ex.getSQLState();
		if (state == null || !state.startsWith("22")) {
			return otherwise;
		}
		ServerErrorMessage message = (ex instanceof PSQLException psql) ? psql.getServerErrorMessage() : null;
		String where = (message != null) ? message.getWhere() : null;
		Matcher at = COPY_WHERE.matcher((where != null) ? where : "");
		throw InvalidFileException.of((at.find() ? "Voucher line " + at.group(1) + ", column " + at.group(2)
				: "A value") + ": out of range for its column");
	}

	/** Reads a daily file into COPY rows. */
	@FunctionalInterface
	interface FileReader {

		ParsedFile read(InputStream in, long fileId, CopyText out) throws IOException;

	}

}
