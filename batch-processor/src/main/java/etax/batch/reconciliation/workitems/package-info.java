/**
 * Work items: one per exception line of a day, kept across runs, with every officer's and run's action
 * on record; resolutions that move money wait for a second officer who approves, then go to the gateway
 * as correction requests. Part of the {@code reconciliation} module; exposed to the officers' console
 * as its named interface {@code workitems}.
 */
@NullMarked
@NamedInterface("workitems")
package etax.batch.reconciliation.workitems;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
