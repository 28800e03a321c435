package etax.declaration.extension;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The extension a return is held to: the one in force at its postmark for its taxpayer, form and period
 * ({@link DeadlineExtensions#inForce}).
 *
 * @param extensionId the grant
 * @param reason why it was granted
 * @param deadline the last day to file, and to pay the tax the return declares (R-DL-4): the day granted, moved
 * to the next working day when it falls on a weekend or public holiday
 */
public record ExtendedDeadline(UUID extensionId, ExtensionReason reason, LocalDate deadline) {

}
