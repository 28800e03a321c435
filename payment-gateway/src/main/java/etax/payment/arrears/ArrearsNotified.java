package etax.payment.arrears;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Announced on {@value #TOPIC} (key: MST) for every arrears notice issued, so that the filers' integrations receive it
 * as they receive acceptance notices. {@code eventId} is the notice's id: a notice announced again is the same event.
 */
record ArrearsNotified(UUID eventId, String type, int version, Instant occurredAt, UUID noticeId, String mst,
		String month, LocalDate asOf, BigDecimal totalTax, BigDecimal totalInterest, BigDecimal totalPenalty,
		List<ArrearsNotice.Item> items) {

	static final String TOPIC = "etax.notices.v1";

	static ArrearsNotified of(ArrearsNotice notice) {
		return new ArrearsNotified(notice.noticeId(), "ArrearsNotified", 1, notice.issuedAt(), notice.noticeId(),
				notice.mst(), notice.month(), notice.asOf(), notice.totalTax(), notice.totalInterest(),
				notice.totalPenalty(), notice.items());
	}

}
