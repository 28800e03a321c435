/**
 * The officers' console: server-rendered pages under {@code /console} for the back office's daily work
 * (exceptions, batches and jobs, the payments dead-letter queue, held credits and treasury postings,
 * reconciliation days, interest runs, a taxpayer's position, uploads declaration-api did not receive).
 * Officers sign in with a token of the identity provider; every action is audited, and those that destroy
 * something or move money are confirmed first. See docs/adr/0015-officers-console.md. Sub-packages hold the
 * pages of each feature.
 */
@NullMarked
package etax.batch.console;

import org.jspecify.annotations.NullMarked;
