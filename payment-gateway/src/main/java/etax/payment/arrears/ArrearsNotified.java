package etax.payment.arrears;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Announced on {@value #TOPIC} (key: MST) for every arrears notice issued, so that the filers' integrations receive it
 * as they receive acceptance notices: the totals, and the items in parts of at most {@value #ITEMS_PER_PART} (a
 * taxpayer unpaid for years owes thousands of daily interest items, past what one record may carry), each part
 * with the totals and its number of the parts. The first part's {@code eventId} is the notice's id, the others' are
 * named from it: a notice announced again is the same events.
 */
record ArrearsNotified(UUID eventId, String type, int version, Instant occurredAt, UUID noticeId, String mst,
		String month, LocalDate asOf, BigDecimal totalTax, BigDecimal totalInterest, BigDecimal totalPenalty,
		int part, int parts, List<ArrearsNotice.Item> items) {

	static final String TOPIC = "etax.notices.v1";

	static final int ITEMS_PER_PART = 2_000;

	static List<ArrearsNotified> parts(ArrearsNotice notice) {
		List<ArrearsNotice.Item> items = notice.items();
		int parts = Math.max(1, (items.size() + ITEMS_PER_PART - 1) / ITEMS_PER_PART);
		List<ArrearsNotified> announced = new ArrayList<>(parts);
		for (int part = 1; part <= parts; part++) {
			UUID eventId = (part == 1) ? notice.noticeId()
					: UUID.nameUUIDFromBytes((notice.noticeId() + "/" + part).getBytes(StandardCharsets.UTF_8));
			announced.add(new ArrearsNotified(eventId, "ArrearsNotified", 1, notice.issuedAt(), notice.noticeId(),
					notice.mst(), notice.month(), notice.asOf(), notice.totalTax(), notice.totalInterest(),
					notice.totalPenalty(), part, parts, items.subList((part - 1) * ITEMS_PER_PART,
							Math.min(items.size(), part * ITEMS_PER_PART))));
		}
		return announced;
	}

}
