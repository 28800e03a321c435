package etax.devstack;

import java.nio.file.Path;
import java.util.List;

import etax.devstack.conformance.CaseResult;
import etax.devstack.conformance.BankConformance;
import etax.devstack.conformance.BankTarget;
import etax.devstack.conformance.FilerConformance;
import etax.devstack.conformance.SandboxTarget;
import etax.devstack.pki.TestPki;

/**
 * Runs the conformance packs against the running local stack (declaration-api with the sandbox on):
 * the filers' ({@link FilerConformance}) and the banks' ({@link BankConformance}). Prints each case;
 * exits with 1 when one fails.
 */
public final class Conformance {

	static {
		System.setProperty("logback.configurationFile", "etax/devstack/logback.xml");
	}

	/** The tax office of the pack's taxpayers (the sample return's {@code maCQTNoiNop}). */
	private static final String TAX_OFFICE = "99999";

	/** Two development banks, seeded by payment-gateway for the local run. */
	private static final String BANK = "01202001";

	private static final String OTHER_BANK = "01204001";

	private Conformance() {
	}

	public static void main(String[] args) {
		Path root = Path.of(System.getProperty("etax.root", "."));
		StackFile stack = StackFile.read(root.resolve(StackFile.PATH));
		TestPki pki = TestPki.load(root.resolve(DevPki.PATH));
		TokenIssuer tokens = DevTokens.issuer(root);
		System.out.println("Filers' conformance pack against " + stack.declarationApi() + " (sandbox)");
		long failed = print(FilerConformance.run(new SandboxTarget(stack.declarationApi(), tokens, TAX_OFFICE, pki::issue)));
		System.out.println();
		System.out.println("Banks' conformance pack against " + stack.paymentGateway() + " as bank " + BANK);
		failed += print(BankConformance.run(new BankTarget(stack.paymentGateway(), tokens, BANK, OTHER_BANK)));
		System.out.printf("%n%s%n", (failed == 0) ? "Every case passed." : failed + " case(s) failed.");
		System.exit((failed == 0) ? 0 : 1);
	}

	private static long print(List<CaseResult> results) {
		for (CaseResult result : results) {
			System.out.printf("%n%s %s: %s%n     %s%n", result.passed() ? "PASS" : "FAIL", result.id(), result.checks(),
					result.detail());
		}
		long failed = results.stream().filter((result) -> !result.passed()).count();
		System.out.printf("%n%d of %d cases passed%n", results.size() - failed, results.size());
		return failed;
	}

}
