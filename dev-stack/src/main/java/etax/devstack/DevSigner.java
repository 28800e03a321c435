package etax.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import etax.devstack.pki.ReturnSigner;
import etax.schemas.Samples;

/**
 * {@code ./etax sign <mst> [return.xml]}: a return signed (XMLDSig, RSA-SHA256) with a certificate the local
 * run's certification authority issues to the taxpayer, written to standard output, to file by hand with curl.
 * Without a file, the catalog's sample 01/GTGT (Q1/2026) made out to that taxpayer.
 */
public final class DevSigner {

	private static final String SAMPLE_MST = "0313829148";

	private DevSigner() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 1 || args.length > 2 || !args[0].matches("\\d{10}(-\\d{3})?|\\d{12}")) {
			System.err.println("usage: ./etax sign <mst> [return.xml]   (the sample 01/GTGT of the catalog without a file)");
			System.exit(2);
		}
		String mst = args[0];
		Path root = Path.of(System.getProperty("etax.root", "."));
		if (!Files.exists(root.resolve(DevPki.PATH))) {
			throw new IllegalStateException("No local certification authority: start the stack with ./etax up first");
		}
		byte[] unsigned = (args.length == 2) ? Files.readAllBytes(Path.of(args[1]))
				: new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8)
					.replace("<mst>" + SAMPLE_MST + "</mst>", "<mst>" + mst + "</mst>")
					.getBytes(StandardCharsets.UTF_8);
		System.out.write(new ReturnSigner(DevPki.identity(root, mst, "NGƯỜI NỘP THUẾ " + mst)).sign(unsigned));
		System.out.flush();
	}

}
