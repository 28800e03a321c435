package etax.declaration.signature;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.naming.InvalidNameException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * The tax codes a certificate names ({@code UID=MST:<mst>} in the subject, VN-ETAX §1.6) and whether one of
 * them may sign a return (VN-ETAX §3.2 R-ID-2).
 */
final class CertificateMst {

	private static final String PREFIX = "MST:";

	private CertificateMst() {
	}

	/**
	 * @param certificate a signing certificate
	 * @return the values of its {@code UID=MST:} attributes, without the prefix
	 */
	static List<String> of(X509Certificate certificate) {
		List<String> msts = new ArrayList<>();
		try {
			LdapName name = new LdapName(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
			for (Rdn rdn : name.getRdns()) {
				NamingEnumeration<? extends Attribute> attributes = rdn.toAttributes().getAll();
				while (attributes.hasMore()) {
					Attribute attribute = attributes.next();
					if ("UID".equalsIgnoreCase(attribute.getID()) && attribute.get() instanceof String value
							&& value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
						msts.add(value.substring(PREFIX.length()).trim());
					}
				}
			}
		}
		catch (InvalidNameException ex) {
			return List.of();
		}
		catch (NamingException ex) {
			throw new IllegalStateException(ex);
		}
		return msts;
	}

	/**
	 * Whether a certificate tax code may sign: the taxpayer's own, its 10-digit parent when the taxpayer is
	 * a branch ({@code NNNNNNNNNN-NNN}), or the tax agent's named in the return when the agent is under
	 * contract for the taxpayer.
	 */
	static boolean accepted(String certificateMst, SignatureContext context) {
		String signer = normalise(certificateMst);
		String taxpayer = normalise(context.taxpayerMst());
		if (signer.isEmpty()) {
			return false;
		}
		if (signer.equals(taxpayer) || (taxpayer.length() == 13 && signer.equals(taxpayer.substring(0, 10)))) {
			return true;
		}
		String agent = context.agentMst();
		return agent != null && signer.equals(normalise(agent))
				&& context.contracts().covers(agent, context.taxpayerMst());
	}

	/** Digits only: {@code 0313829148-001} and {@code 0313829148001} are the same branch. */
	private static String normalise(String mst) {
		return mst.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
	}

}
