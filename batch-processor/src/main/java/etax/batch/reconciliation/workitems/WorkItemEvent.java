package etax.batch.reconciliation.workitems;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One thing that happened to a work item: who (an officer's subject, or {@code run:<execution>}), when,
 * what (CREATED, RECLASSIFIED, CLEARED, REOPENED, MOVED, ASSIGNED, COMMENTED, RESOLVED,
 * RESOLUTION_PROPOSED, APPROVED, REJECTED, RESOLUTION_WITHDRAWN) and the detail.
 *
 * @param at when
 * @param actor who
 * @param action what
 * @param detail the detail
 */
public record WorkItemEvent(Instant at, String actor, String action, @Nullable String detail) {

}
