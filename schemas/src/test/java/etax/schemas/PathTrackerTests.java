package etax.schemas;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;

import etax.schemas.MalformedReturnException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SAX pass's own refusals, without the pre-scan before it (which refuses much of the same, so that a return
 * through {@link ReturnValidator} would not show whether this pass does).
 */
class PathTrackerTests {

	/**
	 * XML 1.1 is refused at the root whatever precedes it: a processing instruction, or a comment, which the
	 * tracker counts when the parse has a lexical handler (as {@link ReturnValidator} sets one for an observer
	 * that is one).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "", "<?x?>", "<!-- a note -->", "<?x?><!----><?y data?>" })
	void xml11IsRefusedAtTheRootWhateverPrecedesIt(String before) {
		byte[] xml = ("<?xml version=\"1.1\" encoding=\"UTF-8\"?>" + before + "<a><b>&#1;</b></a>")
			.getBytes(StandardCharsets.UTF_8);

		MalformedReturnException refused = catchThrowableOfType(MalformedReturnException.class, () -> parse(xml));

		assertThat(refused).as("refused").isNotNull();
		assertThat(refused.reason()).isEqualTo(Reason.FORBIDDEN_CONSTRUCT);
		assertThat(refused.getMessage()).isEqualTo("Return uses a forbidden XML construct: XML 1.1 (a return is XML 1.0)");
		assertThat(refused.line()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "<?x?>", "<!-- a note -->" })
	void xml10IsReadWhateverPrecedesTheRoot(String before) {
		byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + before + "<a><b>x</b><!-- c --><?z?></a>")
			.getBytes(StandardCharsets.UTF_8);

		parse(xml);
	}

	private static void parse(byte[] xml) {
		XMLReader reader = SecureXml.newReader();
		PathTracker tracker = new PathTracker(new DefaultHandler2(), ParserLimits.defaults());
		reader.setContentHandler(tracker);
		ParserPool.setLexicalHandler(reader, tracker.counting(new DefaultHandler2()));
		ReturnValidator.parse(reader, xml);
	}

}
