/**
 * Administrative penalties an officer decides on a return (Decree 125/2020): the fine for filing late, within the band
 * of its days late (Art. 13), a payable item of the taxpayer under sub-item 4254, announced to the ledger.
 */
@NullMarked
package etax.declaration.penalty;

import org.jspecify.annotations.NullMarked;
