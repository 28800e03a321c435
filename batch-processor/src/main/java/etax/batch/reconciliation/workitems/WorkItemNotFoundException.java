package etax.batch.reconciliation.workitems;

/**
 * No work item has this id in the caller's scope.
 */
public final class WorkItemNotFoundException extends RuntimeException {

	private WorkItemNotFoundException(String message) {
		super(message);
	}

	public static WorkItemNotFoundException forId(long id) {
		return new WorkItemNotFoundException("No work item " + id + " in your tax office");
	}

}
