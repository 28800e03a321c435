package etax.batch.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A reconciliation day: where it stands, its totals as the bank's summary report has them, and the inputs
 * it has.
 *
 * @param businessDay the day
 * @param status NOT_RUN, RECONCILED, or REOPENED (a file came after the last run, or a run of a reconciled day
 * classified it anew and its work items have not followed)
 * @param revision imports that touched the day so far
 * @param lastExecutionId the last run's job execution
 * @param lastRunBy who launched it
 * @param lastRunAt when it classified
 * @param totals lines and amount per class and currency, as last classified, of the lines in the scope it was
 * read for (an officer's tax office, or all for a national officer)
 * @param files the current files of the day
 * @param banksWithoutFile banks on the tax side of the day with no file for it
 * @param treasuryStatement whether the treasury's statement for the day has come
 */
public record ReconciliationDay(LocalDate businessDay, Status status, long revision, @Nullable Long lastExecutionId,
		@Nullable String lastRunBy, @Nullable Instant lastRunAt, List<Total> totals, List<DayFile> files,
		List<String> banksWithoutFile, boolean treasuryStatement) {

	/** Where a day stands. */
	public enum Status {

		NOT_RUN, RECONCILED, REOPENED

	}

	/**
	 * @param lineClass the class
	 * @param bankReport the field of the bank's summary report (BAOCAODOICHIEU) the figures belong to:
	 * {@code TONGDIEN_…} is the count, {@code TONGTIEN_…} the amount; null for MATCHED and ONLY_TREASURY,
	 * which that report does not have
	 * @param currency VND or USD
	 * @param lines voucher lines
	 * @param amount their amount in the currency
	 */
	public record Total(LineClass lineClass, @Nullable String bankReport, String currency, long lines,
			BigDecimal amount) {

	}

	/**
	 * @param fileId the file
	 * @param kind BANK or TREASURY
	 * @param source the bank code, or KBNN
	 * @param lines its lines for the day
	 * @param receivedAt when it came
	 * @param receivedBy who sent it
	 */
	public record DayFile(long fileId, String kind, String source, long lines, Instant receivedAt, String receivedBy) {

	}

}
