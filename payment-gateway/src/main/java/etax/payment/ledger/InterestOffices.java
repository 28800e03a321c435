package etax.payment.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Sets the tax office of the interest obligations a poll books: that of the payable item each accrues on.
 */
@Component
class InterestOffices {

	private final ObligationRepository obligations;

	InterestOffices(ObligationRepository obligations) {
		this.obligations = obligations;
	}

	/**
	 * Interest belongs to the tax office of the item it accrues on (ADR 0022): booked before, or earlier in the
	 * same poll. Other bookings are returned as they are.
	 */
	List<Booking> withBaseOffices(List<Booking> bookings) {
		Map<String, String> offices = new HashMap<>();
		List<String> unknown = new ArrayList<>();
		boolean interest = false;
		for (Booking booking : bookings) {
			if (booking instanceof Obligation obligation && obligation.kind() == Obligation.Kind.INTEREST
					&& obligation.baseItemId() != null) {
				// its base item earlier in the poll gives the office below; only the others are read
				interest = true;
				if (!offices.containsKey(obligation.baseItemId())) {
					unknown.add(obligation.baseItemId());
				}
			}
			else if (booking instanceof Obligation obligation && obligation.taxOffice() != null) {
				offices.put(obligation.itemId(), obligation.taxOffice());
			}
		}
		if (!interest) {
			return bookings;
		}
		this.obligations.offices(unknown).forEach(offices::putIfAbsent);
		return bookings.stream()
			.map((booking) -> (booking instanceof Obligation obligation && obligation.kind() == Obligation.Kind.INTEREST
					&& obligation.baseItemId() != null)
							? obligation.withTaxOffice(offices.get(obligation.baseItemId())) : booking)
			.toList();
	}

}
