package etax.declaration.penalty;

import java.util.UUID;

/** The return's fine for filing late was decided before; it is never changed. */
public final class PenaltyExistsException extends RuntimeException {

	private final UUID payableItemId;

	PenaltyExistsException(UUID payableItemId) {
		super("The return's fine for filing late was decided before");
		this.payableItemId = payableItemId;
	}

	/** @return the fine decided before */
	public UUID payableItemId() {
		return this.payableItemId;
	}

}
