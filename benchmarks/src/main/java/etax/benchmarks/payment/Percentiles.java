package etax.benchmarks.payment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Percentiles of samples, and of a Prometheus histogram between two scrapes.
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

	/** The quantile (upper bucket bound, in milliseconds) of what was observed between two scrapes. */
	static double between(TreeMap<Double, Double> before, TreeMap<Double, Double> after, double quantile) {
		double total = after.lastEntry() == null ? 0
				: after.lastEntry().getValue() - before.getOrDefault(after.lastKey(), 0.0);
		if (total <= 0) {
			return -1;
		}
		for (Map.Entry<Double, Double> bucket : after.entrySet()) {
			double count = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
			if (count >= quantile * total) {
				return bucket.getKey() * 1000;
			}
		}
		return Double.POSITIVE_INFINITY;
	}

}
