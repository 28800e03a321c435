package etax.declaration.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import etax.schemas.Finding;
import org.jspecify.annotations.Nullable;

/**
 * A received return as stored: its receipt, status, extracted header and findings (the XML itself is
 * kept byte for byte but not part of this view).
 */
public record StoredReturn(UUID id, String transactionCode, ReturnStatus status, Instant receivedAt, String mst,
		String formCode, String maTKhai, String formVersion, String filingType, int submissionNumber,
		Period period, String taxOfficeCode, String contentSha256, List<Finding> findings) {

	/** The tax period as declared ({@code kieuKy}, {@code kyKKhai}) and its bounds. */
	public record Period(String kind, String value, @Nullable LocalDate from, @Nullable LocalDate to) {

	}

}
