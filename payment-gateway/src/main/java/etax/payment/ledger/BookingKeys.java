package etax.payment.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What makes two bookings the same one: the item id, the event that booked it, and for interest (booked, or taken
 * back) the payable item and day it accrued on. Each key is a value of its own kind, so keys of different kinds
 * never match.
 */
final class BookingKeys {

	private BookingKeys() {
	}

	/**
	 * The keys of an obligation: its item id, for interest its item and day, and, when asked, its event.
	 * @param obligation the obligation
	 * @param byEvent whether its event is a key
	 */
	static List<Object> of(Obligation obligation, boolean byEvent) {
		List<Object> keys = new ArrayList<>(3);
		keys.add(new ItemKey(obligation.itemId()));
		if (byEvent) {
			keys.add(new EventKey(obligation.sourceEventId()));
		}
		if (obligation.kind() == Obligation.Kind.INTEREST) {
			keys.add(new DayKey(obligation.baseItemId(), obligation.assessedFor()));
		}
		return keys;
	}

	/**
	 * What makes two reductions the same one: the item id, the event, and for interest taken back the item
	 * and day it was found on.
	 */
	static List<Object> of(Reduction reduction) {
		List<Object> keys = new ArrayList<>(3);
		keys.add(new ItemKey(reduction.itemId()));
		keys.add(new EventKey(reduction.sourceEventId()));
		if (reduction.ofInterest()) {
			keys.add(new DayKey(reduction.baseItemId(), reduction.assessedFor()));
		}
		return keys;
	}

	/**
	 * Whether an obligation found under one of its keys is the same booking again (a redelivery, or the same item
	 * or interest day under another event id), not a conflict: the same content and, but for interest (whose item id
	 * is its event id), the same item.
	 */
	static boolean sameBooking(Obligation first, Obligation again) {
		return first.sameContentAs(again)
				&& (again.kind() == Obligation.Kind.INTEREST || first.itemId().equals(again.itemId()));
	}

	private record ItemKey(String itemId) {
	}

	private record EventKey(UUID eventId) {
	}

	private record DayKey(@Nullable String baseItemId, @Nullable LocalDate assessedFor) {
	}

}
