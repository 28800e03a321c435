package etax.payment.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Obligations looked up by what makes two the same one: the item id, for interest the item and day it
 * accrued on, and, when asked, the event that booked it. Finds the first added that matches any, in a
 * look-up per key rather than a scan of all added (a poll holds up to a thousand).
 */
final class SameObligations {

	private final boolean byEvent;

	private final List<Obligation> added = new ArrayList<>();

	private final Map<Object, Integer> firstByKey = new HashMap<>();

	SameObligations(boolean byEvent) {
		this.byEvent = byEvent;
	}

	void add(Obligation obligation) {
		int position = this.added.size();
		this.added.add(obligation);
		BookingKeys.of(obligation, this.byEvent).forEach((key) -> this.firstByKey.putIfAbsent(key, position));
	}

	@Nullable Obligation first(Obligation obligation) {
		return BookingKeys.of(obligation, this.byEvent).stream()
			.map(this.firstByKey::get)
			.filter(Objects::nonNull)
			.min(Integer::compare)
			.map(this.added::get)
			.orElse(null);
	}

}
