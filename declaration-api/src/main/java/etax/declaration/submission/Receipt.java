package etax.declaration.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import etax.declaration.payable.PayableItem;
import etax.schemas.Finding;

/**
 * What a filer gets back for a received return: the receipt (01-1/TB-TĐT: return id, transaction code,
 * received-at) and the acceptance decision with every finding (01-2/TB-TĐT), both decided within the
 * request.
 *
 * @param returnId the internal id of the stored return
 * @param transactionCode the 17-digit electronic transaction code
 * @param receivedAt the postmark: the filing time that counts for deadlines
 * @param status accepted or not
 * @param findings every finding, warnings included
 * @param payableItems what an accepted return obliges the taxpayer to pay, with payment references
 */
public record Receipt(UUID returnId, String transactionCode, Instant receivedAt, ReturnStatus status,
		List<Finding> findings, List<PayableItem> payableItems) {

	static Receipt of(StoredReturn stored) {
		return new Receipt(stored.id(), stored.transactionCode(), stored.receivedAt(), stored.status(), stored.findings(),
				stored.payableItems());
	}

}
