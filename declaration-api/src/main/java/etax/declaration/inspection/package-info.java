/**
 * Tax inspections at the taxpayer's premises (VN-ETAX.md §3.6 R-DUP-4, Law 38/2019 Art. 47): officers record an
 * announced decision of inspection (thanh tra, kiểm tra) for a range of tax periods and its conclusion; the intake
 * reads how they stood at a supplement's postmark, which decides whether the supplement is accepted with a
 * warning of penalties or refused in favour of a tax complaint. The tax a conclusion assessed becomes payable items
 * of the taxpayer, announced to the ledger.
 */
@NullMarked
package etax.declaration.inspection;

import org.jspecify.annotations.NullMarked;
