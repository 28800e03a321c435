package etax.batch.reconciliation.workitems;

import etax.batch.reconciliation.LineClass;
import org.jspecify.annotations.Nullable;

/**
 * An action a work item does not allow where it stands (resolving one not assigned to the caller,
 * approving one that waits for nothing).
 */
public final class WorkItemConflictException extends RuntimeException {

	private WorkItemConflictException(String message) {
		super(message);
	}

	public static WorkItemConflictException of(long id, String action, WorkItemStatus status, String rule) {
		return new WorkItemConflictException(
				"Work item " + id + " is " + status + ": cannot " + action + " (" + rule + ")");
	}

	/** An approval of a resolution proposed for a line the day's latest run classed otherwise, or no longer has. */
	public static WorkItemConflictException lineChanged(long id, LineClass proposedFor, @Nullable LineClass now) {
		return new WorkItemConflictException("Work item " + id + " was proposed for a " + proposedFor
				+ " line, which the day's latest run " + ((now != null) ? "classed " + now : "no longer has")
				+ ": nothing is recorded; send it back");
	}

	public static WorkItemConflictException lineChangedSince(long id) {
		return new WorkItemConflictException("Work item " + id + " was proposed on a line the day's latest run changed "
				+ "(its legs or the fields that differ, though not its class): nothing is recorded; send it back");
	}

	/**
	 * An approval or a rejection of another request than the one the item waits for: the item's resolution was sent
	 * back or withdrawn and proposed again since the approver reviewed it.
	 */
	public static WorkItemConflictException notAwaited(long id, String awaitedNumber) {
		return new WorkItemConflictException("Work item " + id + " waits for correction request " + awaitedNumber
				+ ", not the one reviewed: review it and decide on it by its correctionId");
	}

}
