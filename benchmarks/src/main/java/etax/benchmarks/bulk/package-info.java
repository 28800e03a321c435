/**
 * The bulk filing benchmark: one large batch through batch-processor, measured in the same run as the
 * single-return API path and a bare ceiling.
 */
@NullMarked
package etax.benchmarks.bulk;

import org.jspecify.annotations.NullMarked;
