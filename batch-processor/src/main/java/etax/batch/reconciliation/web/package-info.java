/**
 * The reconciliation over HTTP, for officers: files in, runs, days, lines and work items. Part of the
 * {@code reconciliation} module.
 */
@NullMarked
package etax.batch.reconciliation.web;

import org.jspecify.annotations.NullMarked;
