package etax.batch.reconciliation.workitems;

import org.jspecify.annotations.Nullable;

/**
 * An officer's resolution of a work item.
 *
 * @param kind how it is resolved
 * @param reason why, in the officer's words (required)
 * @param corrected for {@link ResolutionKind#RECODE}: the coding as it should be; fields left out keep the
 * coding as paid
 */
public record Resolution(@Nullable ResolutionKind kind, @Nullable String reason,
		CorrectionRequest.@Nullable Coding corrected) {

}
