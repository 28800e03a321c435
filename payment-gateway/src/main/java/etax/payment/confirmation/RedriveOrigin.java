package etax.payment.confirmation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A confirmation recorded from an officer's re-drive of a rejected message, not from the bank's own message
 * as the bank sent it: the gateway's intake key signed it, the officer vouching that it is the bank's.
 *
 * @param rejectionId the rejection it was re-driven from
 * @param redrivenBy the officer who re-drove it (a token subject)
 * @param redrivenAt when
 */
public record RedriveOrigin(long rejectionId, String redrivenBy, @Nullable Instant redrivenAt) {

}
