package etax.declaration.submission;

import org.jspecify.annotations.Nullable;

/**
 * Which returns to list; an empty field matches every return.
 *
 * @param mst the taxpayer
 * @param form a form code ({@code 01/GTGT}) or maTKhai ({@code 842})
 * @param period the declared period ({@code 1/2026})
 * @param status accepted or not
 */
public record ReturnFilter(@Nullable String mst, @Nullable String form, @Nullable String period,
		@Nullable ReturnStatus status) {

}
