package etax.declaration.submission;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 problem the API answers for a filing that was refused, so that an item of a batch is
 * answered exactly as the same return filed alone. Implemented where the API's problems are made.
 */
public interface FilingProblems {

	/**
	 * @param refusal what {@link ReturnIntake#file} threw
	 * @return the problem a single filing would get, or {@code null} for an exception that is not a refusal
	 * (a defect or an outage)
	 */
	@Nullable ProblemDetail problemOf(RuntimeException refusal);

}
