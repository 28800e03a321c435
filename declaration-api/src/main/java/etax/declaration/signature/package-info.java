/**
 * Verification of the taxpayer's (or tax agent's) XML signature on a return (VN-ETAX §1.6, §3.3):
 * {@link etax.declaration.signature.SignatureVerification} turns the raw bytes and what the intake knows
 * about the return ({@link etax.declaration.signature.SignatureContext}) into findings of the rules
 * {@link etax.declaration.signature.SignatureRule} lists. Decisions: docs/adr/0009-xml-signatures.md.
 */
@NullMarked
package etax.declaration.signature;

import org.jspecify.annotations.NullMarked;
