package etax.declaration.signature;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import etax.schemas.Category;
import etax.schemas.Finding;
import etax.schemas.LocalizedText;
import etax.schemas.Severity;
import org.jspecify.annotations.Nullable;

/**
 * The signature rules (VN-ETAX §3.3 R-SIG-1, §3.2 R-ID-2). Each has a stable id; all refuse the return
 * ({@link Severity#REJECT}), and the other rules still run so that the filer sees every problem at once.
 */
public enum SignatureRule {

	/** SIG-1: no signature in {@code CKyDTu} (only when signatures are required). */
	MISSING("SIG-1", Category.MISSING_DATA,
			"Tờ khai chưa được ký số: không có chữ ký số trong CKyDTu.",
			"The return is not digitally signed: there is no XML signature in CKyDTu.",
			"Ký số tờ khai bằng chứng thư số của người nộp thuế (hoặc của đại lý thuế) rồi nộp lại.",
			"Sign the return with the taxpayer's (or the tax agent's) digital certificate and file it again."),

	/** SIG-2: the signature is not an enveloped signature in {@code CKyDTu} over {@code #ID_1}, or is malformed. */
	NOT_OVER_RETURN("SIG-2", Category.INCORRECT_DATA,
			"Chữ ký số không đúng cấu trúc: phải là chữ ký bao (enveloped) trong CKyDTu, tham chiếu đến #ID_1 "
					+ "(HSoKhaiThue), kèm chứng thư số trong KeyInfo/X509Data.",
			"The signature is not as required: an enveloped XML signature in CKyDTu whose reference is #ID_1 "
					+ "(HSoKhaiThue), with the certificate in KeyInfo/X509Data.",
			"Ký lại tờ khai bằng phần mềm kê khai (HTKK, iHTKK hoặc phần mềm của T-VAN), không sửa cấu trúc chữ ký.",
			"Sign the return again with the filing software (HTKK, iHTKK or the T-VAN's) without editing the "
					+ "signature."),

	/** SIG-3: a digest or the signature value does not match: the return was changed after signing. */
	TAMPERED("SIG-3", Category.DATA_MISMATCH,
			"Nội dung tờ khai không khớp với chữ ký số: tờ khai đã bị thay đổi sau khi ký hoặc giá trị chữ ký "
					+ "không hợp lệ.",
			"The return does not match its signature: it was changed after signing, or the signature value is "
					+ "invalid.",
			"Không sửa tệp sau khi ký; sửa tờ khai trong phần mềm kê khai rồi ký lại.",
			"Do not edit the file after signing; correct the return in the filing software and sign it again."),

	/**
	 * SIG-4: an algorithm or key that is not accepted (RSA-SHA1 and 1024-bit RSA keys only for periods before the
	 * cut-off).
	 */
	ALGORITHM_NOT_ALLOWED("SIG-4", Category.INCORRECT_DATA,
			"Thuật toán chữ ký hoặc khóa không được chấp nhận: chỉ chấp nhận RSA-SHA256 với khóa RSA từ 2048 bit; "
					+ "RSA-SHA1 và khóa RSA từ 1024 bit chỉ được chấp nhận cho tờ khai có kỳ tính thuế bắt đầu trước "
					+ "ngày %s.",
			"The signature algorithm or key is not accepted: only RSA-SHA256 with an RSA key of 2048 bits or more; "
					+ "RSA-SHA1 and RSA keys of 1024 bits or more only for returns whose tax period starts before %s.",
			"Ký lại tờ khai bằng RSA-SHA256, với chứng thư số có khóa RSA từ 2048 bit và phiên bản mới nhất của phần "
					+ "mềm kê khai.",
			"Sign the return again with RSA-SHA256, with a certificate whose RSA key has 2048 bits or more, using the "
					+ "current version of the filing software."),

	/** SIG-5: the certificate does not chain to a trusted CA, or is not a signing certificate. */
	UNTRUSTED("SIG-5", Category.INCORRECT_DATA,
			"Chứng thư số không do tổ chức cung cấp dịch vụ chứng thực chữ ký số được tin cậy cấp, hoặc không "
					+ "dùng để ký số.",
			"The certificate was not issued by a trusted certification authority, or is not a signing "
					+ "certificate.",
			"Ký bằng chứng thư số do tổ chức cung cấp dịch vụ chứng thực chữ ký số công cộng được cấp phép cấp.",
			"Sign with a certificate issued by a licensed public certification authority."),

	/**
	 * SIG-6: the certificate (or a CA above it) was not valid on {@code ngayKy}, or on the day of receipt when
	 * {@code ngayKy} cannot be true ({@link SignatureContext#signingDay}).
	 */
	NOT_VALID_ON_SIGNING_DATE("SIG-6", Category.INCORRECT_DATA,
			"Chứng thư số (hoặc chứng thư của tổ chức cấp) không có hiệu lực vào ngày ký tờ khai (ngayKy; ngày nhận "
					+ "hồ sơ khi ngày ký trước ngày đầu kỳ tính thuế hoặc sau ngày nhận).",
			"The certificate (or that of its certification authority) was not valid on the signing date (ngayKy; the "
					+ "day of receipt when ngayKy is before the period's first day or after the receipt).",
			"Gia hạn hoặc xin cấp chứng thư số mới, ký lại tờ khai với ngày ký đúng rồi nộp lại.",
			"Renew the certificate or obtain a new one, sign the return again with the right signing date and "
					+ "file it again."),

	/** SIG-7: {@code UID=MST:} is neither the taxpayer's (or its parent's) nor a contracted agent's tax code. */
	MST_MISMATCH("SIG-7", Category.DATA_MISMATCH,
			"Mã số thuế trong chứng thư số (UID=MST:) không phải của người nộp thuế, cũng không phải của đại lý "
					+ "thuế có hợp đồng dịch vụ với người nộp thuế.",
			"The tax code in the certificate (UID=MST:) is neither the taxpayer's nor that of a tax agent under "
					+ "contract with the taxpayer.",
			"Ký bằng chứng thư số của người nộp thuế; nếu đại lý thuế ký, ghi mã số thuế đại lý tại "
					+ "DLyThue/mstDLyThue và đăng ký hợp đồng dịch vụ đại lý thuế trước khi nộp.",
			"Sign with the taxpayer's certificate; if a tax agent signs, name it in DLyThue/mstDLyThue and "
					+ "register the agent contract before filing."),

	/** SIG-8: the certificate, or a CA above it, is on a configured CRL. */
	REVOKED("SIG-8", Category.INCORRECT_DATA,
			"Chứng thư số (hoặc chứng thư của tổ chức cấp) đã bị thu hồi.",
			"The certificate (or that of its certification authority) has been revoked.",
			"Xin cấp chứng thư số mới, ký lại tờ khai và nộp lại.",
			"Obtain a new certificate, sign the return again and file it again.");

	private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

	private final String id;

	private final Category category;

	private final String messageVi;

	private final String messageEn;

	private final LocalizedText remedy;

	SignatureRule(String id, Category category, String messageVi, String messageEn, String remedyVi,
			String remedyEn) {
		this.id = id;
		this.category = category;
		this.messageVi = messageVi;
		this.messageEn = messageEn;
		this.remedy = new LocalizedText(remedyVi, remedyEn);
	}

	/**
	 * @param finding a finding of any rule
	 * @return whether one of the signature rules found it
	 */
	public static boolean found(Finding finding) {
		return Arrays.stream(values()).anyMatch((rule) -> rule.id.equals(finding.ruleId()));
	}

	/** @return the stable rule id, e.g. {@code SIG-3} */
	public String id() {
		return this.id;
	}

	/** @return the finding category */
	public Category category() {
		return this.category;
	}

	Finding finding(String xpath, @Nullable String value) {
		return finding(xpath, value, new LocalizedText(this.messageVi, this.messageEn));
	}

	/** For {@link #ALGORITHM_NOT_ALLOWED}, whose message names the RSA-SHA1 cut-off date. */
	Finding finding(String xpath, @Nullable String value, LocalDate date) {
		return finding(xpath, value, new LocalizedText(String.format(this.messageVi, date.format(VI_DATE)),
				String.format(this.messageEn, date)));
	}

	private Finding finding(String xpath, @Nullable String value, LocalizedText message) {
		return new Finding(this.id, this.category, Severity.REJECT, xpath, null, null, value, message, this.remedy);
	}

}
