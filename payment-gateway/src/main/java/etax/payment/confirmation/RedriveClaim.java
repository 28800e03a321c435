package etax.payment.confirmation;

import java.util.UUID;

import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * What a record the gateway's intake key signed says about its origin: the officer's re-drive of a
 * rejection, under the message id the re-drive gave it. The headers are not signed, so a claim counts only
 * once the rejection is found marked re-driven as that very message ({@link RejectedMessageRepository#proven}).
 *
 * @param rejectionId the rejection re-driven ({@value #REDRIVE_OF})
 * @param messageId the message published for it ({@value ConfirmationPublishing#MESSAGE_ID})
 */
record RedriveClaim(long rejectionId, UUID messageId) {

	/** The record header naming the rejection a re-driven message comes from. */
	static final String REDRIVE_OF = "etax.redrive-of";

	/** @return the claim the headers make, or null when they make none (or an unreadable one) */
	static @Nullable RedriveClaim of(Headers headers) {
		String rejection = MessageReader.header(headers, REDRIVE_OF);
		String message = MessageReader.header(headers, ConfirmationPublishing.MESSAGE_ID);
		if (rejection == null || message == null) {
			return null;
		}
		try {
			return new RedriveClaim(Long.parseLong(rejection.strip()), UUID.fromString(message.strip()));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
