/**
 * Bulk filings: a tax agent or T-VAN uploads many signed returns at once (a zip, or a bundle of returns in
 * one XML document); the partitioned, restartable {@code bulkFilingJob} files each through declaration-api
 * as if its filer had filed it alone, and the filer reads each item's receipt or problem here
 * (docs/adr/0013-bulk-filing.md).
 */
@NullMarked
package etax.batch.bulk;

import org.jspecify.annotations.NullMarked;
