package etax.declaration.submission;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import etax.declaration.calendar.Deadlines;
import etax.declaration.extension.ExtendedDeadline;
import etax.declaration.payable.PayableItem;
import etax.schemas.Finding;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import org.springframework.stereotype.Component;

/**
 * The acceptance notice (01-2/TB-TĐT) of a stored return as signed XML, in the notice envelope of
 * VN-ETAX §4 ({@code TBaoThueDTu/TBaoThue}, signature in {@code CKyDTu} over {@code #_NODE_TO_SIGN}):
 * the filing, the decision, the extension of the filing deadline the return was held to ({@code GiaHan}, as the
 * return's header names an extension: reason code and text, and the deadline it gives), every finding as a reason
 * row of VN-ETAX §3.10, and for an accepted return its payable items. RSA-SHA256, exclusive C14N, JDK XMLDSig.
 */
@Component
class NoticeXml {

	static final String NAMESPACE = "http://kekhaithue.gdt.gov.vn/TBaoThue";

	static final String SIGNED_ID = "_NODE_TO_SIGN";

	private static final String ACCEPTANCE_NOTICE = "845";

	private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(Deadlines.VIETNAM);

	private final NoticeSigningKey key;

	private final XMLSignatureFactory signatures = XMLSignatureFactory.getInstance("DOM");

	NoticeXml(NoticeSigningKey key) {
		this.key = key;
	}

	byte[] signed(StoredReturn stored) {
		try {
			Document document = newDocument();
			Element root = document.createElementNS(NAMESPACE, "TBaoThueDTu");
			document.appendChild(root);
			Element notice = child(root, "TBaoThue", null);
			notice.setAttribute("id", SIGNED_ID);
			notice.setIdAttribute("id", true);
			header(child(notice, "TTinChung", null), stored);
			content(child(notice, "NDungTBao", null), stored);
			sign(child(root, "CKyDTu", null));
			return serialize(document);
		}
		catch (GeneralSecurityException | ParserConfigurationException | TransformerException | MarshalException
				| XMLSignatureException ex) {
			throw new IllegalStateException("Cannot sign the notice", ex);
		}
	}

	private static void header(Element header, StoredReturn stored) {
		child(child(header, "CQT", null), "maCQT", stored.taxOfficeCode());
		child(child(header, "NNhanTBaoThue", null), "maNNhan", stored.mst());
		Element about = child(header, "TTinTBaoThue", null);
		child(about, "maTBao", ACCEPTANCE_NOTICE);
		child(about, "tenTBao", "Thông báo về việc chấp nhận/không chấp nhận hồ sơ khai thuế điện tử (01-2/TB-TĐT)");
		// 1.1: the reasons' fields of VN-ETAX §3.10 (docs/adr/0009-xml-signatures.md)
		child(about, "pbanTBao", "1.1");
		child(about, "soTBao", stored.transactionCode() + "/TB-TĐT");
		child(about, "ngayTBao", LOCAL_TIME.format(stored.receivedAt()));
	}

	private static void content(Element content, StoredReturn stored) {
		child(content, "trangThai", stored.status().name());
		child(content, "ngayNopThucTe", LOCAL_TIME.format(stored.receivedAt()));
		Element filing = child(child(content, "HoSoThue", null), "CTietHoSoThue", null);
		child(filing, "tokhai-phuluc", stored.formCode());
		child(filing, "maTKhai", stored.maTKhai());
		child(filing, "pbanTKhaiXML", stored.formVersion());
		child(filing, "loaiToKhai", stored.filingType());
		child(filing, "kyTinhThue", period(stored.period()));
		child(filing, "lanNop", String.valueOf(stored.submissionNumber()));
		child(content, "maGiaoDichDTu", stored.transactionCode());
		child(content, "idHoSo", stored.id().toString());
		ExtendedDeadline extension = stored.extension();
		if (extension != null) {
			Element granted = child(content, "GiaHan", null);
			child(granted, "idGiaHan", extension.extensionId().toString());
			child(granted, "maLyDoGiaHan", extension.reason().name());
			child(granted, "lyDoGiaHan", extension.reason().label().vi());
			child(granted, "hanNopGiaHan", extension.deadline().toString());
		}
		findings(child(content, "LyDo", null), stored.findings());
		items(child(content, "IDKhoanNop", null), stored.payableItems());
	}

	/**
	 * Each finding as a reason row of VN-ETAX §3.10: its error group ({@code tenNhomLoi}), error ({@code tenLoi}),
	 * how to fix it ({@code huongDanXuLy}) and a note of where ({@code ghiChu}), in Vietnamese, then the same
	 * fields as codes and in English for software reading the notice.
	 */
	private static void findings(Element reasons, List<Finding> findings) {
		for (Finding finding : findings) {
			Element reason = child(reasons, "CTietLyDo", null);
			child(reason, "tenNhomLoi", finding.category().label().vi());
			child(reason, "tenLoi", finding.message().vi());
			child(reason, "huongDanXuLy", finding.remedy().vi());
			child(reason, "ghiChu", note(finding));
			child(reason, "maNhomLoi", finding.category().name());
			child(reason, "maLoi", finding.ruleId());
			child(reason, "mucDo", finding.severity().name());
			child(reason, "viTri", finding.xpath());
			child(reason, "giaTri", finding.value());
			child(reason, "tenNhomLoiEn", finding.category().label().en());
			child(reason, "tenLoiEn", finding.message().en());
			child(reason, "huongDanXuLyEn", finding.remedy().en());
		}
	}

	private static String note(Finding finding) {
		String place = "Mã lỗi " + finding.ruleId() + ", tại " + finding.xpath();
		return (finding.value() != null) ? place + ", giá trị \"" + finding.value() + "\"" : place;
	}

	/**
	 * The period as the return declares it: its kind and value ({@code Q 1/2026}), or, for a period of its own
	 * days (a fiscal year, {@code K}/{@code N}, which has no value), its kind and first and last day.
	 */
	private static String period(StoredReturn.Period period) {
		if (!period.value().isEmpty() || period.from() == null) {
			return period.kind() + " " + period.value();
		}
		return period.kind() + " " + period.from() + "/" + ((period.to() != null) ? period.to() : "");
	}

	private static void items(Element list, List<PayableItem> items) {
		for (PayableItem item : items) {
			Element line = child(list, "CTietIDKhoanNop", null);
			child(line, "idKhoanNop", item.id().toString());
			child(line, "maChuong", item.chapter());
			child(line, "maTMuc", item.subItem());
			child(line, "kyThue", item.taxPeriod());
			child(line, "soTien", String.valueOf(item.amount()));
			child(line, "hanNop", item.dueDate().toString());
			child(line, "maThamChieu", item.paymentReference());
		}
	}

	private void sign(Element container) throws GeneralSecurityException, MarshalException, XMLSignatureException {
		Reference reference = this.signatures.newReference("#" + SIGNED_ID,
				this.signatures.newDigestMethod(DigestMethod.SHA256, null),
				List.of(this.signatures.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
				null, null);
		SignedInfo info = this.signatures.newSignedInfo(
				this.signatures.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
				this.signatures.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
		KeyInfoFactory keys = this.signatures.getKeyInfoFactory();
		KeyInfo keyInfo = this.key.chain().isEmpty() ? keys.newKeyInfo(List.of(keys.newKeyValue(this.key.publicKey())))
				: keys.newKeyInfo(List.of(keys.newX509Data(List.copyOf(this.key.chain()))));
		DOMSignContext context = new DOMSignContext(this.key.privateKey(), container);
		context.setDefaultNamespacePrefix("ds");
		this.signatures.newXMLSignature(info, keyInfo).sign(context);
	}

	private static Element child(Element parent, String name, @Nullable String text) {
		Element element = parent.getOwnerDocument().createElementNS(NAMESPACE, name);
		if (text != null) {
			element.setTextContent(text);
		}
		parent.appendChild(element);
		return element;
	}

	private static Document newDocument() throws ParserConfigurationException {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		return factory.newDocumentBuilder().newDocument();
	}

	private static byte[] serialize(Document document) throws TransformerException {
		TransformerFactory factory = TransformerFactory.newInstance();
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		Transformer transformer = factory.newTransformer();
		transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
		transformer.setOutputProperty(OutputKeys.INDENT, "no");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		transformer.transform(new DOMSource(document), new StreamResult(out));
		return out.toByteArray();
	}

}
