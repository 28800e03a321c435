package etax.declaration.taxpayer;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Locale;

/**
 * A signing certificate registered to a taxpayer or agent.
 *
 * @param serialNumber the certificate's serial number, hexadecimal, as one number is written once: upper case, no
 * leading zeros ({@code 0a} and {@code 000A} are the serial {@code A})
 * @param mst whose it is
 * @param subject the subject DN
 * @param notBefore start of validity
 * @param notAfter end of validity
 */
public record Certificate(String serialNumber, String mst, String subject, Instant notBefore, Instant notAfter) {

	public Certificate {
		serialNumber = new BigInteger(serialNumber, 16).toString(16).toUpperCase(Locale.ROOT);
	}

}
