package etax.schemas;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.xml.sax.helpers.AttributesImpl;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDigestTests {

	private static final String NAMESPACE = "http://kekhaithue.gdt.gov.vn/TKhaiThue";

	/** The digest is that of the sequence the class describes, however its buffer splits it. */
	@Test
	void digestsTheDocumentedSequenceAcrossTheBuffersEdges() throws Exception {
		ContentDigest digest = new ContentDigest();
		ByteArrayOutputStream expected = new ByteArrayOutputStream();
		start(digest, expected, "HSoKhaiThue");
		for (int i = 0; i < 2_000; i++) {
			start(digest, expected, "ct" + i);
			text(digest, expected, (i % 7 == 0) ? "Công ty TNHH Thương mại " + i : Integer.toString(i * 1_000));
			end(digest, expected);
		}
		start(digest, expected, "ghiChu");
		text(digest, expected, "Đ".repeat(5_000) + "x".repeat(9_000));
		end(digest, expected);
		start(digest, expected, "moTa");
		text(digest, expected, "y".repeat(20_000));
		end(digest, expected);
		AttributesImpl attributes = new AttributesImpl();
		attributes.addAttribute("", "thue", "thue", "CDATA", "22000000");
		attributes.addAttribute("", "maCQT", "maCQT", "CDATA", "70100");
		digest.start(NAMESPACE, "Dong", attributes);
		expected.write(1);
		value(expected, NAMESPACE);
		value(expected, "Dong");
		for (String[] attribute : new String[][] { { "maCQT", "70100" }, { "thue", "22000000" } }) {
			expected.write(4);
			value(expected, "");
			value(expected, attribute[0]);
			value(expected, attribute[1]);
		}
		text(digest, expected, "");
		end(digest, expected);
		end(digest, expected);

		assertThat(expected.size()).isGreaterThan(3 * 8192);
		assertThat(digest.active()).isFalse();
		assertThat(digest.hex())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected.toByteArray())));
	}

	private static void start(ContentDigest digest, ByteArrayOutputStream expected, String localName) {
		digest.start(NAMESPACE, localName, new AttributesImpl());
		expected.write(1);
		value(expected, NAMESPACE);
		value(expected, localName);
	}

	private static void text(ContentDigest digest, ByteArrayOutputStream expected, String text) {
		char[] chars = text.toCharArray();
		// as a parser hands text over: in pieces
		digest.characters(chars, 0, chars.length / 2);
		digest.characters(chars, chars.length / 2, chars.length - chars.length / 2);
		expected.write(2);
		value(expected, text);
	}

	private static void end(ContentDigest digest, ByteArrayOutputStream expected) {
		digest.end();
		expected.write(3);
	}

	private static void value(ByteArrayOutputStream expected, String value) {
		expected.writeBytes(value.getBytes(StandardCharsets.UTF_8));
		expected.write(0);
	}

}
