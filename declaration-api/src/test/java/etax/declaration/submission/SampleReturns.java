package etax.declaration.submission;

import java.nio.charset.StandardCharsets;

import etax.schemas.Samples;

/** The sample 01/GTGT of the catalog, and variants of it for tests. */
final class SampleReturns {

	static final String MST = "0313829148";

	private SampleReturns() {
	}

	static String valid() {
		return new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8);
	}

	/** The sample with one indicator replaced: {@code <ctNN>old</ctNN>} becomes {@code <ctNN>value</ctNN>}. */
	static String withIndicator(String indicator, String value) {
		String xml = valid();
		String changed = xml.replaceFirst("<" + indicator + ">[^<]*</" + indicator + ">",
				"<" + indicator + ">" + value + "</" + indicator + ">");
		if (changed.equals(xml)) {
			throw new IllegalArgumentException("The sample has no " + indicator);
		}
		return changed;
	}

}
