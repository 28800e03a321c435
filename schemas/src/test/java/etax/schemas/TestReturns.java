package etax.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Golden return files under {@code src/test/resources/returns/<maTKhai>/<version>/}, 842/2.8.3 by default. */
final class TestReturns {

	static final String BASE = "returns/842/2.8.3/";

	private TestReturns() {
	}

	static byte[] read(String path) {
		return readResource(BASE + path);
	}

	/** A golden file of another form version, e.g. {@code ("01/2.1.2", "valid/01_GTGT_M01-2021.xml")}. */
	static byte[] read(String version, String path) {
		return readResource("returns/" + version + "/" + path);
	}

	private static byte[] readResource(String path) {
		try (InputStream in = TestReturns.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("No test return " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String text(String path) {
		return new String(read(path), StandardCharsets.UTF_8);
	}

	/** 1-based number of the first line of a golden file that contains the given text. */
	static int lineOf(String path, String needle) {
		List<String> lines = text(path).lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(needle)) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException(needle + " not in " + path);
	}

}
