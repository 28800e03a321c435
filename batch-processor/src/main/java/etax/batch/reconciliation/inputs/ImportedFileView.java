package etax.batch.reconciliation.inputs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An imported daily file as officers look it up later: what came, from whom, and what it held. Its lines
 * may since have been replaced by a later file of the same source; its totals were counted on import.
 *
 * @param fileId the file
 * @param kind BANK or TREASURY
 * @param source the bank code, or KBNN
 * @param fileReference the bank's id of the file (MA_GDICH_DC), none for the treasury
 * @param days the business days it covers
 * @param vouchers vouchers in it (lines, for the treasury)
 * @param lines voucher lines in it
 * @param totals lines and amount per currency; empty for files imported before totals were kept
 * @param importedAt when it came
 * @param receivedBy who sent it: an officer's subject, or the watched directory
 * @param channel HTTP or DIRECTORY
 * @param current the days for which its lines are still the current ones of its source
 */
public record ImportedFileView(long fileId, String kind, String source, @Nullable String fileReference,
		List<LocalDate> days, int vouchers, int lines, List<FileTotal> totals, Instant importedAt, String receivedBy,
		String channel, List<LocalDate> current) {

}
