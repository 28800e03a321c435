package etax.declaration.taxpayer;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.security.auth.x500.X500Principal;

import etax.ids.TaxpayerId;

/**
 * A signing certificate registered to a taxpayer or agent. Its issuer and serial number name it: a serial is unique
 * only within its issuer.
 *
 * @param issuer the issuer's DN, as RFC 2253 writes it ({@code CN=CA, O=X} is {@code CN=CA,O=X}); empty for a
 * certificate registered before issuers were
 * @param serialNumber the certificate's serial number, hexadecimal, as one number is written once: upper case, no
 * leading zeros ({@code 0a} and {@code 000A} are the serial {@code A})
 * @param mst whose it is
 * @param subject the subject DN
 * @param notBefore start of validity
 * @param notAfter end of validity
 */
public record Certificate(String issuer, String serialNumber, String mst, String subject, Instant notBefore,
		Instant notAfter) {

	private static final Pattern HEXADECIMAL = Pattern.compile("[0-9A-Fa-f]+");

	/** @throws InvalidRegistrationException if the issuer is not a distinguished name */
	public Certificate {
		// a serial stored before serials had to be hexadecimal ("54:04:FF") is shown as it was stored
		if (HEXADECIMAL.matcher(serialNumber).matches()) {
			serialNumber = new BigInteger(serialNumber, 16).toString(16).toUpperCase(Locale.ROOT);
		}
		issuer = principal(issuer).getName();
	}

	/**
	 * The MSTs its subject names ({@code UID=MST:<mst>}, VN-ETAX §1.6), each as one MST is written once
	 * ({@code 0313829148001} is {@code 0313829148-001}): every UID attribute's, a multi-valued RDN's
	 * ({@code CN=x+UID=MST:...}) included, as the signature's verification reads them.
	 * @throws InvalidRegistrationException if the subject is not a distinguished name
	 */
	List<String> subjectMsts() {
		try {
			return TaxpayerId.namedIn(this.subject).stream().map(TaxpayerId::normalised).toList();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRegistrationException("subject is not a distinguished name (RFC 2253)");
		}
	}

	/** The issuer as issuers are compared: one issuer written two ways ({@code cn=ca} and {@code CN=CA}) is one. */
	String issuerKey() {
		return principal(this.issuer).getName(X500Principal.CANONICAL);
	}

	/** Whether it is the same certificate with the same details, its issuer perhaps written otherwise. */
	boolean sameAs(Certificate other) {
		return issuerKey().equals(other.issuerKey()) && this.serialNumber.equals(other.serialNumber)
				&& this.mst.equals(other.mst) && this.subject.equals(other.subject)
				&& this.notBefore.equals(other.notBefore) && this.notAfter.equals(other.notAfter);
	}

	private static X500Principal principal(String name) {
		try {
			return new X500Principal(name);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRegistrationException("issuer is not a distinguished name (RFC 2253)");
		}
	}

}
