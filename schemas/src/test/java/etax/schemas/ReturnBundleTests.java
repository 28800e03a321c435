package etax.schemas;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import etax.schemas.MalformedReturnException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ReturnBundleTests {

	private static final String OPEN = "<LoHSoThue xmlns=\"urn:etax:bulk:1\">";

	private static final String CLOSE = "</LoHSoThue>";

	@Test
	void cutsEachReturnOutByteForByte() {
		String sample = withoutDeclaration(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"));
		String tricky = "<HSoThueDTu xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\" a='x>y'>"
				+ "<!-- </HSoThueDTu> --><x><![CDATA[</HSoThueDTu>]]></x><y/>Thuế đã nộp</HSoThueDTu>";
		String empty = "<HSoThueDTu xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\"/>";
		byte[] bundle = bytes("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- lô 1 -->\n" + OPEN + "\n  " + sample
				+ "\n  <!-- giữa -->\n  " + tricky + empty + "\n" + CLOSE + "\n");

		List<ReturnBundle.Part> parts = ReturnBundle.split(bundle, 10);

		assertThat(parts).extracting(ReturnBundle.Part::number).containsExactly(1, 2, 3);
		assertThat(parts.get(0).bytes(bundle)).isEqualTo(bytes(sample));
		assertThat(parts.get(1).bytes(bundle)).isEqualTo(bytes(tricky));
		assertThat(parts.get(2).bytes(bundle)).isEqualTo(bytes(empty));
		assertThat(ReturnValidator.withDefaults().validate(parts.get(0).bytes(bundle)))
			.isInstanceOf(Validation.Receivable.class);
	}

	@Test
	void stopsOnePartAfterTheLimit() {
		String part = "<HSoThueDTu xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\"/>";
		byte[] bundle = bytes(OPEN + part.repeat(50) + CLOSE);

		assertThat(ReturnBundle.split(bundle, 3)).hasSize(4);
		assertThat(ReturnBundle.split(bytes(OPEN + CLOSE), 3)).isEmpty();
	}

	@Test
	void refusesWhatIsNotABundle() {
		assertThat(refusal("<HSoThueDTu xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\"/>").getMessage())
			.contains("root element must be LoHSoThue");
		assertThat(refusal("<LoHSoThue/>").getMessage()).contains("urn:etax:bulk:1");
		assertThat(refusal(OPEN + "<a/>loose text<b/>" + CLOSE).getMessage()).contains("text between returns");
		assertThat(refusal(OPEN + "<a>" + CLOSE).reason()).isEqualTo(Reason.NOT_WELL_FORMED);
		assertThat(refusal("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + OPEN + CLOSE).getMessage())
			.contains("UTF-8");
		byte[] utf16 = (OPEN + CLOSE).getBytes(StandardCharsets.UTF_16);
		assertThat(catchThrowableOfType(MalformedReturnException.class, () -> ReturnBundle.split(utf16, 1))
			.getMessage()).contains("UTF-8");
	}

	/** The encoding a bundle names is read before any parse, of any length: its refusal quotes its start. */
	@Test
	void refusesAnotherEncodingQuotingItsNameByItsStart() {
		String encoding = "windows-" + "1".repeat(100_000);

		assertThat(refusal("<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>" + OPEN + CLOSE).getMessage())
			.isEqualTo("Not a bundle of returns: a bundle is UTF-8, not windows-" + "1".repeat(192)
					+ "… (100008 characters)");
	}

	@Test
	void refusesDoctypesAndEntitiesBeforeCuttingAnything() {
		assertThat(refusal("<!DOCTYPE LoHSoThue [<!ENTITY x \"y\">]>" + OPEN + "<a>&x;</a>" + CLOSE).reason())
			.isEqualTo(Reason.FORBIDDEN_CONSTRUCT);
		assertThat(refusal(OPEN + "<a>&undeclared;</a>" + CLOSE).reason()).isEqualTo(Reason.NOT_WELL_FORMED);
		assertThat(refusal(OPEN + "<a>".repeat(80) + "</a>".repeat(80) + CLOSE).reason()).isEqualTo(Reason.TOO_DEEP);
	}

	/**
	 * A bundle is read by the same parser as a return, and its namespaces bounded alike: an element of 1,000
	 * declarations is refused by its attribute limit, 100 declarations in scope by the namespace limit.
	 */
	@Test
	void refusesThousandsOfNamespaceDeclarationsAtOnce() {
		String part = "<HSoThueDTu xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\"/>";

		MalformedReturnException onOneElement = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> refusal(OPEN.replace(">", declarations(0, 1_000) + ">") + part + CLOSE));
		MalformedReturnException inScope = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refusal(
				OPEN.replace(">", declarations(0, 50) + ">") + "<a" + declarations(50, 100) + ">" + part + "</a>" + CLOSE));

		assertThat(onOneElement.reason()).isEqualTo(Reason.TOO_MANY_ATTRIBUTES);
		assertThat(onOneElement.getMessage()).contains("more than " + ParserLimits.MAX_ATTRIBUTES + " attributes");
		assertThat(inScope.reason()).isEqualTo(Reason.TOO_MANY_NAMESPACES);
		assertThat(inScope.getMessage()).contains("more than " + ParserLimits.MAX_NAMESPACES_IN_SCOPE);
		assertThat(ReturnBundle.split(bytes(OPEN.replace(">", declarations(0, 50) + ">") + part + CLOSE), 10))
			.hasSize(1);
	}

	private static String declarations(int from, int to) {
		StringBuilder declarations = new StringBuilder();
		for (int i = from; i < to; i++) {
			declarations.append(" xmlns:p").append(i).append("=\"urn:p").append(i).append('"');
		}
		return declarations.toString();
	}

	private static MalformedReturnException refusal(String bundle) {
		return catchThrowableOfType(MalformedReturnException.class, () -> ReturnBundle.split(bytes(bundle), 10));
	}

	private static String withoutDeclaration(byte[] xml) {
		String text = new String(xml, StandardCharsets.UTF_8);
		return text.substring(text.indexOf("?>") + 2).strip();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
