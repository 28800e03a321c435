package etax.declaration.submission;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import etax.declaration.calendar.Deadlines;
import etax.declaration.signature.EnvelopeCapture;
import etax.declaration.signature.SignatureContext;
import etax.declaration.signature.SignatureVerification;
import etax.declaration.taxpayer.Taxpayer;
import etax.declaration.taxpayer.TaxpayerRegistry;
import etax.ids.TaxpayerId;
import etax.schemas.Category;
import etax.schemas.Finding;
import etax.schemas.FormVersion;
import etax.schemas.ReturnDocument;
import etax.schemas.ReturnHeader;
import etax.schemas.Severity;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import static etax.declaration.submission.ContextFindings.finding;

/**
 * The context rules of who a return is for and who stands behind it (VN-ETAX.md §3.2, §3.3): the MST, the
 * taxpayer's registration, the signature, the agent's contract and the managing tax office. {@link ContextRules}
 * runs them in its order.
 */
@Component
class IdentityRules {

	private final TaxpayerRegistry registry;

	private final SignatureVerification signatures;

	/** The real clock, never the sandbox's: a chosen postmark changes no one's rights (ADR 0017). */
	private final Clock clock;

	private final ReturnChains chains;

	IdentityRules(TaxpayerRegistry registry, SignatureVerification signatures, ReturnChains chains,
			@Qualifier("clock") Clock clock) {
		this.registry = registry;
		this.signatures = signatures;
		this.chains = chains;
		this.clock = clock;
	}

	/**
	 * For a supplement or a replacement, the day the return in force it corrects was received: it quotes that
	 * return's figures, so it cannot have been signed before, whatever {@code ngayKy} says (a back-dated signing day
	 * would make good a certificate that had expired since). One look-up, for those returns only.
	 */
	private @Nullable LocalDate signedNotBefore(ReturnDocument document) {
		if ("C".equals(document.header().filingType())) {
			return null;
		}
		return this.chains.inForceReceivedAt(ReturnChains.keyOf(document))
			.map((received) -> received.atZone(Deadlines.VIETNAM).toLocalDate())
			.orElse(null);
	}

	/** The day an agent's contract must be in force: today, whatever postmark the sandbox gave the return. */
	private LocalDate contractDay() {
		return LocalDate.now(this.clock.withZone(Deadlines.VIETNAM));
	}

	/**
	 * CTX-MST-01, then CTX-ID-01 to CTX-ID-03: the MST is valid, and a taxpayer registered under it is active, or
	 * files a finalization (VN-ETAX.md §3.2: a business that ceased or is dissolving still settles its tax, Law
	 * 38/2019 Art. 44(4)), and files electronically. An invalid MST is not looked up.
	 * @param header the return's header
	 * @param form the return's form
	 * @param findings where the findings go
	 * @return the registered taxpayer, if any
	 */
	Optional<Taxpayer> registered(ReturnHeader header, FormVersion form, List<Finding> findings) {
		if (!TaxpayerId.isValid(header.mst())) {
			findings.add(finding("CTX-MST-01", Category.INCORRECT_DATA, Severity.REJECT_AND_STOP, ContextFindings.MST,
					header.mst(), "Mã số thuế không hợp lệ (sai định dạng hoặc chữ số kiểm tra).",
					"The MST is not valid: wrong format or check digit.",
					"Kiểm tra lại mã số thuế của người nộp thuế.", "Check the taxpayer's MST as registered."));
			return Optional.empty();
		}
		Optional<Taxpayer> taxpayer = this.registry.find(header.mst());
		taxpayer.ifPresentOrElse((registered) -> checkRegistration(registered, form, findings),
				() -> findings.add(finding("CTX-ID-01", Category.DATA_MISMATCH, Severity.REJECT_AND_STOP,
						ContextFindings.MST, header.mst(), "Mã số thuế chưa được đăng ký với cơ quan thuế.",
						"No taxpayer is registered under this MST.",
						"Đăng ký thuế trước khi nộp tờ khai, hoặc kiểm tra lại mã số thuế.",
						"Register with the tax office before filing, or correct the MST.")));
		return taxpayer;
	}

	/**
	 * The signature (R-SIG-1, R-ID-2): by the taxpayer, or by a tax agent with a contract in force on the day
	 * filed ({@link SignatureVerification}).
	 */
	void checkSignature(ReturnDocument document, EnvelopeCapture envelope, LocalDate filedOn, List<Finding> findings) {
		findings.addAll(this.signatures.verify(envelope, document.xml(), SignatureContext.of(document.header(), filedOn,
				signedNotBefore(document), (agent, client) -> this.registry.mayFileFor(agent, client, contractDay()))));
	}

	private static void checkRegistration(Taxpayer taxpayer, FormVersion form, List<Finding> findings) {
		if (!taxpayer.isActive() && !form.finalization()) {
			findings.add(finding("CTX-ID-02", Category.DATA_MISMATCH, Severity.REJECT_AND_STOP, ContextFindings.MST,
					taxpayer.mst(), "Người nộp thuế không ở trạng thái hoạt động (" + taxpayer.status()
							+ "): chỉ nộp tờ khai quyết toán.",
					"The taxpayer is not active (" + taxpayer.status() + "): it files finalizations only.",
					"Liên hệ cơ quan thuế quản lý để khôi phục trạng thái mã số thuế.",
					"Contact the managing tax office to restore the registration."));
		}
		else if (!taxpayer.eFiling()) {
			findings.add(finding("CTX-ID-03", Category.DATA_MISMATCH, Severity.REJECT_AND_STOP, ContextFindings.MST,
					taxpayer.mst(), "Người nộp thuế chưa đăng ký khai thuế điện tử.",
					"The taxpayer is not enrolled for electronic filing.",
					"Đăng ký giao dịch điện tử với cơ quan thuế trước khi nộp.",
					"Enrol for electronic filing with the tax office first."));
		}
	}

	/**
	 * The return names the tax office it is filed with ({@code maCQTNoiNop}), which should be the office that
	 * manages the taxpayer (R-ID-3). Another office is legitimate for allocated or out-of-province obligations,
	 * which the registry does not record, hence a warning, not a rejection. Officers of the managing office see
	 * the return either way ({@link ReturnScope}), so what the filer writes here never hides it from them.
	 */
	void checkOffice(ReturnHeader header, Taxpayer taxpayer, List<Finding> findings) {
		if (!header.taxOfficeCode().equals(taxpayer.taxOfficeCode())) {
			findings.add(finding("CTX-ID-05", Category.DATA_MISMATCH, Severity.WARNING, ContextFindings.TAX_OFFICE,
					header.taxOfficeCode(),
					"Cơ quan thuế nơi nộp (" + header.taxOfficeCode() + ") không phải cơ quan thuế quản lý người nộp thuế ("
							+ taxpayer.taxOfficeCode() + ").",
					"The tax office filed with (" + header.taxOfficeCode()
							+ ") is not the office that manages the taxpayer (" + taxpayer.taxOfficeCode() + ").",
					"Khai mã cơ quan thuế quản lý, trừ khi nghĩa vụ được phân bổ hoặc khai tại cơ quan thuế nơi phát sinh "
							+ "ngoài tỉnh.",
					"Write the managing office's code, unless the obligation is allocated or declared to the receiving "
							+ "office of another province."));
		}
	}

	/** A return prepared by a tax agent needs the agent's contract with the taxpayer (R-ID-2). */
	void checkAgent(ReturnHeader header, List<Finding> findings) {
		String agent = header.agentMst();
		if (agent == null || agent.isBlank()) {
			return;
		}
		if (!TaxpayerId.isValid(agent) || !this.registry.mayFileFor(agent, header.mst(), contractDay())) {
			findings.add(finding("CTX-ID-04", Category.DATA_MISMATCH, Severity.REJECT, ContextFindings.AGENT, agent,
					"Đại lý thuế không có hợp đồng dịch vụ còn hiệu lực với người nộp thuế.",
					"The tax agent has no contract in force to file for this taxpayer.",
					"Thông báo hợp đồng dịch vụ với đại lý thuế cho cơ quan thuế, hoặc để người nộp thuế tự nộp.",
					"Notify the tax office of the agent contract, or let the taxpayer file itself."));
		}
	}

}
