/**
 * Identifiers: the taxpayer id (MST) that returns, payments and the ledger all carry, and the ids of the rows
 * and events the services create.
 */
@NullMarked
package etax.ids;

import org.jspecify.annotations.NullMarked;
