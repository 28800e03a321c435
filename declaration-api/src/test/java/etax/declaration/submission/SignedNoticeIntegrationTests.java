package etax.declaration.submission;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;

import etax.devstack.LocalInfrastructureInitializer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.TestCallers.filer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The acceptance notice as XML signed by the tax authority: it verifies, and a changed byte breaks it. */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class SignedNoticeIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void servesTheNoticeAsSignedXml() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		JsonNode receipt = this.json.readTree(this.mvc
			.perform(post("/api/v1/returns").with(filer())
				.contentType(MediaType.APPLICATION_XML)
				.content(SampleReturns.forTaxpayer(mst).getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String code = receipt.get("transactionCode").asString();

		byte[] xml = this.mvc.perform(get("/api/v1/receipts/" + code).with(filer()).accept(MediaType.APPLICATION_XML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		Document notice = parse(xml);
		assertThat(text(notice, "maGiaoDichDTu")).isEqualTo(code);
		assertThat(text(notice, "trangThai")).isEqualTo("ACCEPTED");
		assertThat(text(notice, "maNNhan")).isEqualTo(mst);
		assertThat(text(notice, "idKhoanNop")).isEqualTo(receipt.at("/payableItems/0/id").asString());
		assertThat(text(notice, "maLoi")).isEqualTo(receipt.at("/findings/0/ruleId").asString());
		assertThat(text(notice, "tenNhomLoi")).isNotBlank();
		assertThat(text(notice, "tenLoi")).isEqualTo(receipt.at("/findings/0/message/vi").asString());
		assertThat(text(notice, "huongDanXuLy")).isEqualTo(receipt.at("/findings/0/remedy/vi").asString());
		assertThat(text(notice, "ghiChu")).contains(receipt.at("/findings/0/xpath").asString());
		assertThat(text(notice, "huongDanXuLyEn")).isEqualTo(receipt.at("/findings/0/remedy/en").asString());
		assertThat(text(notice, "kyTinhThue")).startsWith(receipt.at("/period/kind").asString() + " ");
		assertThat(verifies(notice)).isTrue();
		String tampered = new String(xml, StandardCharsets.UTF_8).replace(">ACCEPTED<", ">NOT_ACCEPTED<");
		assertThat(verifies(parse(tampered.getBytes(StandardCharsets.UTF_8)))).isFalse();
		this.mvc.perform(get("/api/v1/receipts/" + code).with(filer()).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk());
	}

	private static boolean verifies(Document notice) throws Exception {
		Element signed = (Element) notice.getElementsByTagNameNS(NoticeXml.NAMESPACE, "TBaoThue").item(0);
		signed.setIdAttribute("id", true);
		Element signature = (Element) notice.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").item(0);
		DOMValidateContext context = new DOMValidateContext(new KeyValueSelector(), signature);
		context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
		return XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context).validate(context);
	}

	private static String text(Document document, String name) {
		return document.getElementsByTagNameNS(NoticeXml.NAMESPACE, name).item(0).getTextContent();
	}

	private static Document parse(byte[] xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
	}

}
