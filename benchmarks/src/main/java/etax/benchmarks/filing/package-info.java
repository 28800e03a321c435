/**
 * The filing load generator: signed returns of many taxpayers posted over HTTP to declaration-api, with
 * the bare ceiling of the same machine measured in the same run.
 */
@NullMarked
package etax.benchmarks.filing;

import org.jspecify.annotations.NullMarked;
