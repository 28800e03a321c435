package etax.payment.bank;

/**
 * The HTTP credential of a bank.
 *
 * @param username the user name
 * @param bankCode the bank it authenticates
 * @param passwordHash in Spring Security's {@code {id}hash} form
 * @param enabled whether it may log in
 */
public record BankCredential(String username, String bankCode, String passwordHash, boolean enabled) {

}
