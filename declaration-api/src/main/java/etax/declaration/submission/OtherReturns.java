package etax.declaration.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import etax.schemas.Finding;
import etax.schemas.ReturnDocument;

/**
 * The context rules that compare a return with other obligations' returns in force (VN-ETAX.md §3.9): across
 * periods (R-X-2, {@link CarriedOver}) and across forms (R-X-3, {@link YearTotals}, {@link BlendingDeduction}). The
 * chains they read are read with the filing's own, in one round trip, but not locked: a supplement of one of them
 * that commits at the same moment is not seen.
 */
final class OtherReturns {

	private OtherReturns() {
	}

	/**
	 * @param document the return
	 * @return the chain keys of the returns the rules compare it with
	 */
	static List<String> keys(ReturnDocument document) {
		List<String> keys = new ArrayList<>(CarriedOver.previousKeys(document));
		keys.addAll(YearTotals.keys(document));
		keys.addAll(BlendingDeduction.keys(document));
		return keys;
	}

	/**
	 * @param document the return
	 * @param accepted the accepted returns of a chain, by chain key (of those {@link #keys} names)
	 * @return the findings
	 */
	static List<Finding> check(ReturnDocument document, Function<String, List<ReturnChains.Member>> accepted) {
		List<Finding> findings = new ArrayList<>(2);
		CarriedOver.check(document, accepted).ifPresent(findings::add);
		YearTotals.check(document, accepted).ifPresent(findings::add);
		BlendingDeduction.check(document, accepted).ifPresent(findings::add);
		return findings;
	}

}
