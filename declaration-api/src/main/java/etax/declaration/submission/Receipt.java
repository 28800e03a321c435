package etax.declaration.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import etax.declaration.extension.ExtendedDeadline;
import etax.declaration.payable.PayableItem;
import etax.schemas.Finding;
import org.jspecify.annotations.Nullable;

/**
 * What a filer gets back for a received return: the receipt (01-1/TB-TĐT: return id, transaction code,
 * received-at, and which return it acknowledges: taxpayer, form, filing type, period, submission number)
 * and the acceptance decision with every finding (01-2/TB-TĐT), both decided within the request. The pushed
 * acceptance notice carries the same record.
 *
 * @param returnId the internal id of the stored return
 * @param transactionCode the 17-digit electronic transaction code
 * @param receivedAt the postmark: the filing time that counts for deadlines
 * @param mst the taxpayer the return is filed for
 * @param formCode the form, e.g. {@code 01/GTGT}
 * @param maTKhai the form's code in the envelope, e.g. {@code 842}
 * @param formVersion the form version, {@code pbanTKhaiXML}
 * @param filingType {@code loaiTKhai}: C original, B supplement, T replacement
 * @param submissionNumber {@code soLan}: the submission number (lanNop), 0 for an original
 * @param period the tax period as declared, with its bounds
 * @param status accepted or not
 * @param findings every finding, warnings included
 * @param payableItems what an accepted return obliges the taxpayer to pay, with payment references
 * @param extension the extension of the filing deadline the return was held to (VN-ETAX.md §3.5 R-DL-6): granted
 * for its taxpayer, form and period and in force at its postmark, its reason and the deadline it gives, which
 * is also the payable items' due date; {@code null} when none applied
 */
public record Receipt(UUID returnId, String transactionCode, Instant receivedAt, String mst, String formCode,
		String maTKhai, String formVersion, String filingType, int submissionNumber, StoredReturn.Period period,
		ReturnStatus status, List<Finding> findings, List<PayableItem> payableItems,
		@Nullable ExtendedDeadline extension) {

	static Receipt of(StoredReturn stored) {
		return new Receipt(stored.id(), stored.transactionCode(), stored.receivedAt(), stored.mst(), stored.formCode(),
				stored.maTKhai(), stored.formVersion(), stored.filingType(), stored.submissionNumber(), stored.period(),
				stored.status(), stored.findings(), stored.payableItems(), stored.extension());
	}

}
