/**
 * Submission of a single return: intake (parse, validate, store, announce), the receipt, and queries
 * of stored returns.
 */
@NullMarked
package etax.declaration.submission;

import org.jspecify.annotations.NullMarked;
