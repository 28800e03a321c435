package etax.batch.reconciliation.workitems;

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

}
