/**
 * The payment pipeline benchmark: a load generator of unique, signed bank confirmations and a bare
 * consume → INSERT … ON CONFLICT → produce loop (the ceiling), run against a running local stack
 * ({@code ./etax up}) with the same broker and database. Entry point:
 * {@link etax.benchmarks.payment.PaymentPipelineBenchmark}.
 */
@NullMarked
package etax.benchmarks.payment;

import org.jspecify.annotations.NullMarked;
