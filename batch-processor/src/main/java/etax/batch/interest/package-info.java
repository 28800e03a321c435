/**
 * Late-payment interest (VN-ETAX §5.6): {@code interestAssessmentJob} reads the ledger's published view
 * {@code payment.interest_basis_v1} once a day, assesses the interest each overdue payable item accrued
 * that day, records it and publishes it as {@code InterestAssessed} on {@code etax.assessments.v1}, and
 * takes back as {@code InterestCorrected} what was published beyond what accrued; the gateway books both. Runs are caught up day by day and reported to officers. See
 * docs/adr/0011-interest-assessment.md.
 */
@NullMarked
package etax.batch.interest;

import org.jspecify.annotations.NullMarked;
