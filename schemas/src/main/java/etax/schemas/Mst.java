package etax.schemas;

import java.util.SplittableRandom;

import etax.ids.TaxpayerId;

/**
 * Tax codes (MST) with the check digit of VN-ETAX.md §3.2: S = 31·N1 + 29·N2 + 23·N3 + 19·N4 + 17·N5 +
 * 13·N6 + 7·N7 + 5·N8 + 3·N9, N10 = 10 − (S mod 11); prefixes with S mod 11 = 0 have no valid MST.
 * Checking one is {@link TaxpayerId#isValid(String)}.
 */
final class Mst {

	private static final int[] WEIGHTS = { 31, 29, 23, 19, 17, 13, 7, 5, 3 };

	private Mst() {
	}

	/** A random valid 10-digit MST. */
	static String random(SplittableRandom random) {
		while (true) {
			StringBuilder mst = new StringBuilder(10);
			int sum = 0;
			for (int i = 0; i < WEIGHTS.length; i++) {
				int digit = (i == 0) ? random.nextInt(9) : random.nextInt(10);
				mst.append(digit);
				sum += WEIGHTS[i] * digit;
			}
			int remainder = sum % 11;
			if (remainder != 0) {
				return mst.append((10 - remainder) % 10).toString();
			}
		}
	}

}
