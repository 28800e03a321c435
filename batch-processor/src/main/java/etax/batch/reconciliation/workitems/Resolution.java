package etax.batch.reconciliation.workitems;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An officer's resolution of a work item.
 *
 * @param kind how it is resolved
 * @param reason why, in the officer's words (required, at most {@value WorkItems#MAX_TEXT} characters)
 * @param corrected for {@link ResolutionKind#RECODE}: the coding as it should be; fields left out keep the
 * coding as paid
 */
public record Resolution(@Nullable ResolutionKind kind, @Size(max = WorkItems.MAX_TEXT) @Nullable String reason,
		CorrectionRequest.@Nullable Coding corrected) {

}
