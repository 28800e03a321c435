/**
 * The interest assessment benchmark: seeds a ledger of payable items and times
 * {@code interestAssessmentJob} over them on a running local stack ({@code ./etax up}). Entry point:
 * {@link etax.benchmarks.interest.InterestAssessmentBenchmark}.
 */
@NullMarked
package etax.benchmarks.interest;

import org.jspecify.annotations.NullMarked;
