package etax.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The token issuer of the local run, and {@code ./etax token}: prints a bearer token of the running stack
 * for a role, to use with curl or the OpenAPI UI.
 *
 * <pre>
 * ./etax token taxpayer 0313829148     ./etax token agent 0101234567      ./etax token tvan my-tvan
 * ./etax token officer 70129           ./etax token national-officer       ./etax token bank 01202001
 * ./etax token approver 70129 an       (an officer of 70129 with the approver claim, subject approver-an)
 * </pre>
 */
public final class DevTokens {

	static final String PATH = "target/dev-stack/pki/token-issuer.jwk";

	private DevTokens() {
	}

	/**
	 * Creates the issuer of a local run and saves its key for {@code ./etax token} and the demo.
	 * @param root the project root
	 * @return the properties that make the services trust it
	 */
	static Map<String, Object> create(Path root) {
		TokenIssuer issuer = TokenIssuer.create(TokenIssuer.ISSUER);
		Path file = root.resolve(PATH);
		issuer.save(file);
		return issuer.accessProperties(file.getParent());
	}

	/**
	 * The issuer of the running local stack, to mint tokens for tools such as load generators.
	 * @param root the project root
	 * @return the issuer
	 */
	public static TokenIssuer issuer(Path root) {
		Path file = root.resolve(PATH);
		if (!Files.exists(file)) {
			throw new IllegalStateException("No local stack: start it with ./etax up first");
		}
		return TokenIssuer.load(file);
	}

	public static void main(String[] args) {
		if (args.length == 0) {
			usage();
			return;
		}
		TokenIssuer issuer = issuer(Path.of(System.getProperty("etax.root", ".")));
		String argument = (args.length > 1) ? args[1] : null;
		String role = args[0].toLowerCase(Locale.ROOT);
		if (role.equals("national-officer")) {
			System.out.println(issuer.nationalOfficer());
			return;
		}
		if (argument == null) {
			usage();
			return;
		}
		if (role.equals("approver")) {
			if (args.length < 3) {
				usage();
				return;
			}
			System.out.println(issuer.approver(argument, args[2]));
			return;
		}
		switch (role) {
			case "taxpayer" -> System.out.println(issuer.taxpayer(argument));
			case "agent" -> System.out.println(issuer.agent(argument));
			case "tvan" -> System.out.println(issuer.tvan(argument));
			case "officer" -> System.out.println(issuer.officer(argument));
			case "bank" -> System.out.println(issuer.bank(argument));
			default -> usage();
		}
	}

	private static void usage() {
		System.err.println("usage: ./etax token taxpayer <mst> | agent <mst> | tvan <name> | officer <tax office>"
				+ " | approver <tax office> <name> | national-officer | bank <bank code>");
		System.exit(2);
	}

}
