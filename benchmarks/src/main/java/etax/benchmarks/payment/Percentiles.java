package etax.benchmarks.payment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Percentiles of samples, exact, and of a Prometheus histogram between two scrapes, known only to the
 * bucket that holds them.
 */
final class Percentiles {

	private static final Pattern BUCKET = Pattern.compile("^(\\w+)_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*\\} ([0-9.eE+-]+)$");

	private Percentiles() {
	}

	static long of(List<Long> samples, double quantile) {
		if (samples.isEmpty()) {
			return -1;
		}
		List<Long> sorted = new ArrayList<>(samples);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
	}

	/** The cumulative bucket counts of a histogram in a Prometheus text scrape, by upper bound in seconds. */
	static TreeMap<Double, Double> buckets(String scrape, String histogram) {
		TreeMap<Double, Double> buckets = new TreeMap<>();
		for (String line : scrape.split("\n")) {
			Matcher m = BUCKET.matcher(line.strip());
			if (m.matches() && m.group(1).equals(histogram)) {
				double le = m.group(2).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(2));
				buckets.merge(le, Double.parseDouble(m.group(3)), Double::sum);
			}
		}
		return buckets;
	}

	/**
	 * The bucket that holds the quantile of what was observed between two scrapes: a histogram counts
	 * observations by bucket, so the quantile is somewhere in that bucket, not at its upper edge.
	 * @return the bucket, or empty when nothing was observed
	 */
	static Optional<Bucket> between(TreeMap<Double, Double> before, TreeMap<Double, Double> after, double quantile) {
		double total = after.lastEntry() == null ? 0
				: after.lastEntry().getValue() - before.getOrDefault(after.lastKey(), 0.0);
		if (total <= 0) {
			return Optional.empty();
		}
		double lower = 0;
		for (Map.Entry<Double, Double> bucket : after.entrySet()) {
			double count = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
			if (count >= quantile * total) {
				return Optional.of(new Bucket(lower * 1000, bucket.getKey() * 1000));
			}
			lower = bucket.getKey();
		}
		return Optional.of(new Bucket(lower * 1000, Double.POSITIVE_INFINITY));
	}

	/**
	 * A histogram bucket, (lower, upper] in milliseconds: where a quantile taken from the histogram lies.
	 * @param lowerMillis the lower edge, not in the bucket (the edge below it, or 0)
	 * @param upperMillis the upper edge, in the bucket (infinite for the last)
	 */
	record Bucket(double lowerMillis, double upperMillis) {

		/** @return for example {@code in (246, 268] ms}, edges to three significant digits */
		@Override
		public String toString() {
			return "in (" + edge(this.lowerMillis) + ", "
					+ (Double.isInfinite(this.upperMillis) ? "+Inf)" : edge(this.upperMillis) + "]") + " ms";
		}

		private static String edge(double millis) {
			return BigDecimal.valueOf(millis).round(new MathContext(3)).stripTrailingZeros().toPlainString();
		}

	}

}
