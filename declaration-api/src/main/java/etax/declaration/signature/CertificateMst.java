package etax.declaration.signature;

import java.security.cert.X509Certificate;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import etax.ids.TaxpayerId;

/**
 * The tax codes a certificate names ({@code UID=MST:<mst>} in the subject, VN-ETAX §1.6) and whether one of
 * them may sign a return (VN-ETAX §3.2 R-ID-2).
 */
final class CertificateMst {

	private CertificateMst() {
	}

	/**
	 * @param certificate a signing certificate
	 * @return the values of its {@code UID=MST:} attributes, without the prefix ({@link TaxpayerId#namedIn})
	 */
	static List<String> of(X509Certificate certificate) {
		try {
			return TaxpayerId.namedIn(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
		}
		catch (IllegalArgumentException ex) {
			return List.of();
		}
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
		if (signer.equals(taxpayer) || signer.equals(parentOf(taxpayer))) {
			return true;
		}
		String agent = context.agentMst();
		return agent != null && signer.equals(normalise(agent))
				&& context.contracts().covers(agent, context.taxpayerMst());
	}

	/**
	 * As the registry and the header write it ({@link TaxpayerId#normalised}): {@code 0313829148001} is the branch
	 * {@code 0313829148-001}, {@code 0313829148000} the head office {@code 0313829148}.
	 */
	private static String normalise(String mst) {
		return TaxpayerId.normalised(mst.replace(" ", ""));
	}

	private static String parentOf(String branch) {
		return (branch.length() == 14 && branch.charAt(10) == '-') ? branch.substring(0, 10) : "";
	}

}
