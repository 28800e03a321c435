/**
 * A test and development PKI for signed returns: {@link etax.devstack.pki.TestPki} plays the certification
 * authorities (an in-memory root and issuing CA, or an "untrusted" pair), issues taxpayer and agent
 * certificates whose subject carries {@code UID=MST:<mst>} as Vietnamese CAs do, writes trust stores and
 * CRLs for a service to load; {@link etax.devstack.pki.ReturnSigner} signs an {@code HSoThueDTu} return the
 * way the filing software does (VN-ETAX §1.6). Used by tests, the demo and load generators; never deployed.
 */
@NullMarked
package etax.devstack.pki;

import org.jspecify.annotations.NullMarked;
