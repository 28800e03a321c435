/**
 * Extensions of filing deadlines (VN-ETAX.md §3.5 R-DL-6, Law 38/2019 Art. 46): officers grant a taxpayer a
 * later deadline for one form and period, for a reason of the law's closed list and within its cap, and revoke
 * it; the intake holds a return to the extension in force at its postmark (late filing, payable items' due date).
 */
@NullMarked
package etax.declaration.extension;

import org.jspecify.annotations.NullMarked;
