package etax.batch.interest;

import java.util.UUID;

/**
 * What {@code interestPublicationStep} sends on {@value InterestAssessed#TOPIC}, keyed by the taxpayer:
 * interest assessed for a day, or interest taken back.
 */
sealed interface InterestEvent permits InterestAssessed, InterestCorrected {

	UUID eventId();

	String mst();

}
