/**
 * The bank registry: which banks may confirm payments, the keys their Kafka messages are signed with
 * (a detached JWS per record, checked by {@link etax.payment.bank.BankRegistry#verify}) and the HTTP
 * credentials they call the intake with. Rows live in {@code payment.bank}, {@code payment.bank_key}
 * and {@code payment.bank_credential}. See docs/adr/0005-bank-messages.md.
 */
@NullMarked
package etax.payment.bank;

import org.jspecify.annotations.NullMarked;
