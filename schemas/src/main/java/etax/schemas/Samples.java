package etax.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Sample returns shipped with this module, made up but schema-valid and arithmetically consistent, for
 * other modules' tests, demos and benchmarks. They live under
 * {@code etax/schemas/samples/<maTKhai>/<version>/} on the classpath.
 */
public final class Samples {

	private Samples() {
	}

	/**
	 * Reads a sample.
	 * @param maTKhai form id, e.g. {@code 842}
	 * @param version form version, e.g. {@code 2.8.3}
	 * @param name file name, e.g. {@code 01_GTGT_Q1-2026.xml}
	 * @return a fresh copy of the sample's bytes
	 * @throws IllegalArgumentException if there is no such sample
	 */
	public static byte[] read(String maTKhai, String version, String name) {
		for (String part : new String[] { maTKhai, version, name }) {
			if (part.isEmpty() || part.contains("/") || part.contains("\\") || part.equals("..")) {
				throw new IllegalArgumentException("Invalid sample path element: " + part);
			}
		}
		String path = "etax/schemas/samples/" + maTKhai + "/" + version + "/" + name;
		try (InputStream in = Samples.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("No sample " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read sample " + path, ex);
		}
	}

}
