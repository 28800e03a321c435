package etax.declaration.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import etax.declaration.extension.ExtendedDeadline;
import etax.declaration.payable.PayableItem;
import etax.schemas.Finding;
import org.jspecify.annotations.Nullable;

/**
 * A received return as stored: its receipt, status, extracted header, who filed it, findings and payable
 * items, and the extension of the filing deadline it was held to, if any (the XML itself is kept byte for byte
 * but not part of this view).
 */
public record StoredReturn(UUID id, String transactionCode, ReturnStatus status, Instant receivedAt, String mst,
		String formCode, String maTKhai, String formVersion, String filingType, int submissionNumber,
		Period period, String taxOfficeCode, FiledBy filedBy, String contentSha256, List<Finding> findings,
		List<PayableItem> payableItems, @Nullable ExtendedDeadline extension) {

	StoredReturn withPayableItems(List<PayableItem> items) {
		return new StoredReturn(this.id, this.transactionCode, this.status, this.receivedAt, this.mst, this.formCode,
				this.maTKhai, this.formVersion, this.filingType, this.submissionNumber, this.period, this.taxOfficeCode,
				this.filedBy, this.contentSha256, this.findings, List.copyOf(items), this.extension);
	}

	/**
	 * The caller who filed a return: the taxpayer itself, its agent, or a T-VAN transmitting for it.
	 * @param subject the token subject ({@code sub}) of the filer
	 * @param role its role ({@code TAXPAYER}, {@code AGENT}, {@code TVAN}); {@code null} for returns filed
	 * before the role was recorded
	 */
	public record FiledBy(String subject, @Nullable String role) {

	}

	/** The tax period as declared ({@code kieuKy}, {@code kyKKhai}) and its bounds. */
	public record Period(String kind, String value, @Nullable LocalDate from, @Nullable LocalDate to) {

	}

}
