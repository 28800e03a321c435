package etax.declaration.submission;

import java.time.Instant;
import java.util.Map;

/**
 * One step in a return's life.
 *
 * @param type RECEIVED, ACCEPTED, NOT_ACCEPTED, SUPERSEDED or PAID
 * @param at when
 * @param detail what goes with it (e.g. the superseding return)
 */
public record LifecycleEvent(String type, Instant at, Map<String, Object> detail) {

}
