package etax.schemas;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the JDK validator's messages (Locale.ROOT) into their key and arguments. */
class XercesMessageTests {

	private static final String NS = "\"http://kekhaithue.gdt.gov.vn/TKhaiThue\":";

	@Test
	void aFacetMessage() {
		XercesMessage message = XercesMessage.parse("cvc-pattern-valid: Value '031382914' is not facet-valid with respect "
				+ "to pattern '[0-9]{10}(-[0-9]{3})?' for type 'MSTType'.");

		assertThat(message).isEqualTo(new XercesMessage("cvc-pattern-valid",
				java.util.List.of("031382914", "[0-9]{10}(-[0-9]{3})?", "MSTType")));
	}

	@Test
	void aValueWithQuotesAndLinesIsReadWhole() {
		XercesMessage message = XercesMessage.parse("cvc-maxLength-valid: Value 'O'Neil's\nshop' with length = '12' is not "
				+ "facet-valid with respect to maxLength '10' for type 'T'.");

		assertThat(message).isNotNull();
		assertThat(message.args()).containsExactly("O'Neil's\nshop", "12", "10", "T");
	}

	@Test
	void argumentsKeepTheTemplatesNumbering() {
		XercesMessage message = XercesMessage.parse("cvc-complex-type.2.4.e: 'a' can occur a maximum of '2' times in the "
				+ "current sequence. This limit was exceeded. At this point one of '{\"urn:t\":b}' is expected.");

		assertThat(message).isNotNull();
		assertThat(message.arg(0)).isEqualTo("a");
		assertThat(message.arg(1)).isEqualTo("{\"urn:t\":b}");
		assertThat(message.arg(2)).isEqualTo("2");
	}

	@Test
	void twoTemplatesUnderOneKey() {
		XercesMessage newer = XercesMessage.parse("cvc-complex-type.2.4.d: Invalid content was found starting with element "
				+ "'ct44'. No child element 'ct44' is expected at this point.");
		XercesMessage namespaced = XercesMessage.parse("cvc-complex-type.4: Attribute 'id' belonging to namespace 'urn:x', "
				+ "must appear on element 'HSoKhaiThue'.");

		assertThat(newer).isEqualTo(new XercesMessage("cvc-complex-type.2.4.d", java.util.List.of("ct44", "ct44")));
		assertThat(namespaced).isNotNull();
		assertThat(namespaced.args()).containsExactly("HSoKhaiThue", "id", "urn:x");
	}

	@Test
	void messagesOfNoKnownTemplateAreNotRead() {
		assertThat(XercesMessage.parse("cvc-id.2: There are multiple occurrences of ID value 'ID_1'.")).isNull();
		assertThat(XercesMessage.parse("cvc-pattern-valid: a text of another JDK.")).isNull();
		assertThat(XercesMessage.parse("no key at all")).isNull();
	}

	@Test
	void elementNamesAsTheValidatorListsThem() {
		assertThat(XercesMessage.names("{" + NS + "ct40, " + NS + "ct41}")).containsExactly(
				new XercesMessage.QualifiedName("http://kekhaithue.gdt.gov.vn/TKhaiThue", "ct40"),
				new XercesMessage.QualifiedName("http://kekhaithue.gdt.gov.vn/TKhaiThue", "ct41"));
		assertThat(XercesMessage.names(NS + "ChiTiet"))
			.containsExactly(new XercesMessage.QualifiedName("http://kekhaithue.gdt.gov.vn/TKhaiThue", "ChiTiet"));
		assertThat(XercesMessage.names("ct44")).containsExactly(new XercesMessage.QualifiedName("", "ct44"));
	}

}
