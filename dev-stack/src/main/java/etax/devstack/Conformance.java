package etax.devstack;

import java.nio.file.Path;
import java.util.List;

import etax.devstack.conformance.CaseResult;
import etax.devstack.conformance.ConformancePack;
import etax.devstack.conformance.SandboxTarget;
import etax.devstack.pki.TestPki;

/**
 * Runs the conformance pack ({@link ConformancePack}) against the running local stack, whose
 * declaration-api has the sandbox on, and prints each case; exits with 1 when one fails.
 */
public final class Conformance {

	static {
		System.setProperty("logback.configurationFile", "etax/devstack/logback.xml");
	}

	/** The tax office of the pack's taxpayers (the sample return's {@code maCQTNoiNop}). */
	private static final String TAX_OFFICE = "99999";

	private Conformance() {
	}

	public static void main(String[] args) {
		Path root = Path.of(System.getProperty("etax.root", "."));
		StackFile stack = StackFile.read(root.resolve(StackFile.PATH));
		TestPki pki = TestPki.load(root.resolve(DevPki.PATH));
		System.out.println("Conformance pack against " + stack.declarationApi() + " (sandbox)");
		List<CaseResult> results = ConformancePack
			.run(new SandboxTarget(stack.declarationApi(), DevTokens.issuer(root), TAX_OFFICE, pki::issue));
		for (CaseResult result : results) {
			System.out.printf("%n%s %s: %s%n     %s%n", result.passed() ? "PASS" : "FAIL", result.id(), result.checks(),
					result.detail());
		}
		long failed = results.stream().filter((result) -> !result.passed()).count();
		System.out.printf("%n%d of %d cases passed%n", results.size() - failed, results.size());
		System.exit((failed == 0) ? 0 : 1);
	}

}
