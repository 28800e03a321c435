package etax.declaration.taxpayer;

import java.time.Instant;

/**
 * A signing certificate registered to a taxpayer or agent.
 *
 * @param serialNumber the certificate's serial number, hexadecimal
 * @param mst whose it is
 * @param subject the subject DN
 * @param notBefore start of validity
 * @param notAfter end of validity
 */
public record Certificate(String serialNumber, String mst, String subject, Instant notBefore, Instant notAfter) {

}
