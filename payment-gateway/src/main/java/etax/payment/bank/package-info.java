/**
 * The bank registry: which banks may confirm payments, the keys their Kafka messages are signed with
 * (a detached JWS per record, checked by {@link etax.payment.bank.BankRegistry#verify}). Rows live in
 * {@code payment.bank} and {@code payment.bank_key}; over HTTP a bank authenticates with a bearer token
 * naming it. See docs/adr/0005-bank-messages.md.
 */
@NullMarked
package etax.payment.bank;

import org.jspecify.annotations.NullMarked;
