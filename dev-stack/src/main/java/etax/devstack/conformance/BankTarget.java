package etax.devstack.conformance;

import etax.devstack.TokenIssuer;

/**
 * A payment-gateway, and the bank that runs the bank pack there.
 * @param paymentGateway its base URL
 * @param tokens an issuer whose tokens it trusts
 * @param bankCode a bank it knows, which sends the pack's confirmations
 * @param otherBankCode another bank it knows, which must not see them
 */
public record BankTarget(String paymentGateway, TokenIssuer tokens, String bankCode, String otherBankCode) {

}
