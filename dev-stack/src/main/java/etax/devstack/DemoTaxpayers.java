package etax.devstack;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Made-up taxpayer ids with valid check digits (VN-ETAX.md §3.2), for the demo and load generators. */
public final class DemoTaxpayers {

	private static final int[] WEIGHTS = { 31, 29, 23, 19, 17, 13, 7, 5, 3 };

	/** Every id this JVM handed out: tests and load generators register thousands and must never get one twice. */
	private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();

	private DemoTaxpayers() {
	}

	/** A random 10-digit MST with a valid check digit, never the same twice in this JVM. */
	public static String newMst() {
		while (true) {
			StringBuilder digits = new StringBuilder(10);
			for (int i = 0; i < 9; i++) {
				digits.append(ThreadLocalRandom.current().nextInt(10));
			}
			int remainder = weightedSum(digits) % 11;
			if (remainder != 0) {
				String mst = digits.append((10 - remainder) % 10).toString();
				if (ISSUED.add(mst)) {
					return mst;
				}
			}
		}
	}

	private static int weightedSum(CharSequence nineDigits) {
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			sum += WEIGHTS[i] * (nineDigits.charAt(i) - '0');
		}
		return sum;
	}

}
