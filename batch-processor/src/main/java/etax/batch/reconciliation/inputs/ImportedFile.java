package etax.batch.reconciliation.inputs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A daily file as imported.
 *
 * @param fileId the file
 * @param kind BANK (a bank's reconciliation file) or TREASURY (the treasury's statement)
 * @param source the bank code, or KBNN
 * @param fileReference the bank's id of the file (MA_GDICH_DC), none for the treasury
 * @param days the business days it covers: its lines replace those of earlier files of the same source
 * @param vouchers vouchers in it (lines, for the treasury)
 * @param lines voucher lines in it
 * @param receivedAt when it came
 * @param receivedBy who sent it: an officer's subject, or the watched directory
 * @param channel HTTP or DIRECTORY
 * @param reopenedDays days already reconciled that this file reopened (empty for a file seen before)
 * @param duplicate whether the same content had been imported before (then nothing changed)
 */
public record ImportedFile(long fileId, String kind, String source, @Nullable String fileReference,
		List<LocalDate> days, int vouchers, int lines, Instant receivedAt, String receivedBy, String channel,
		List<LocalDate> reopenedDays, boolean duplicate) {

	ImportedFile asDuplicate() {
		return new ImportedFile(this.fileId, this.kind, this.source, this.fileReference, this.days, this.vouchers,
				this.lines, this.receivedAt, this.receivedBy, this.channel, List.of(), true);
	}

}
