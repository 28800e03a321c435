package etax.devstack.conformance;

import java.util.function.BiFunction;

import etax.devstack.TokenIssuer;
import etax.devstack.pki.SigningIdentity;

/**
 * A declaration-api with the sandbox on, and how to act there.
 * @param declarationApi its base URL
 * @param tokens an issuer whose tokens it trusts
 * @param taxOffice the tax office of the pack's taxpayers, whose officer registers them
 * @param identities a signing certificate of a CA it trusts, by MST and name
 */
public record SandboxTarget(String declarationApi, TokenIssuer tokens, String taxOffice,
		BiFunction<String, String, SigningIdentity> identities) {

}
