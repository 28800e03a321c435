package etax.declaration.submission;

import java.math.BigDecimal;
import java.util.List;

import etax.declaration.signature.SignatureRule;
import etax.schemas.Category;
import etax.schemas.Finding;
import etax.schemas.LocalizedText;
import etax.schemas.Severity;
import org.jspecify.annotations.Nullable;

/** Builds the findings of the context rules: the same shape as XSD and form-rule findings. */
final class ContextFindings {

	static final String HEADER = "/HSoThueDTu/HSoKhaiThue/TTinChung/TTinTKhaiThue";

	static final String MST = HEADER + "/NNT/mst";

	static final String AGENT = HEADER + "/DLyThue/mstDLyThue";

	static final String PERIOD = HEADER + "/TKhaiThue/KyKKhaiThue/kyKKhai";

	static final String PERIOD_KIND = HEADER + "/TKhaiThue/KyKKhaiThue/kieuKy";

	static final String PERIOD_FROM = HEADER + "/TKhaiThue/KyKKhaiThue/kyKKhaiTuNgay";

	static final String PERIOD_TO = HEADER + "/TKhaiThue/KyKKhaiThue/kyKKhaiDenNgay";

	static final String FILING_TYPE = HEADER + "/TKhaiThue/loaiTKhai";

	static final String TAX_OFFICE = HEADER + "/TKhaiThue/maCQTNoiNop";

	static final String SUBMISSION_NUMBER = HEADER + "/TKhaiThue/soLan";

	private ContextFindings() {
	}

	/** An indicator's value as a number: 0 when it is blank or not a number (the XSD and form rules judge those). */
	static BigDecimal amount(String value) {
		try {
			return new BigDecimal(value.isBlank() ? "0" : value.strip());
		}
		catch (NumberFormatException ex) {
			return BigDecimal.ZERO;
		}
	}

	/**
	 * Whether the signature refused the return (a SIG finding): then it does not show that the taxpayer, or an agent
	 * under contract, stands behind it, and no rule that quotes the taxpayer's records (the return in force, other
	 * periods' returns, the ledger's payments, inspections) runs, so that a caller who may file for anyone (a T-VAN)
	 * learns nothing of a taxpayer from a return it made up. Such a return is not accepted whatever those rules say.
	 * @param findings the findings so far, the signature's included
	 * @return whether the records may not be quoted
	 */
	static boolean signatureRefused(List<Finding> findings) {
		return findings.stream().anyMatch(SignatureRule::found);
	}

	/**
	 * Whether the rules that quote the taxpayer's other returns may run: the signature vouched for the return (no
	 * {@link #signatureRefused SIG finding}), and no finding so far stops the rules (reject and stop: the MST not
	 * registered, the taxpayer not active or not filing electronically, which are found before the signature is
	 * verified, or a form rule that stops).
	 * @param findings the findings so far, the signature's included
	 * @return whether they may run
	 */
	static boolean mayQuoteOtherReturns(List<Finding> findings) {
		return findings.stream()
			.noneMatch((finding) -> finding.severity() == Severity.REJECT_AND_STOP || SignatureRule.found(finding));
	}

	static Finding finding(String ruleId, Category category, Severity severity, String xpath, @Nullable String value,
			String messageVi, String messageEn, String remedyVi, String remedyEn) {
		return new Finding(ruleId, category, severity, xpath, null, null, value, new LocalizedText(messageVi, messageEn),
				new LocalizedText(remedyVi, remedyEn));
	}

}
