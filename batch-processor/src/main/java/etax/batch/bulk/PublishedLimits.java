package etax.batch.bulk;

import java.util.List;

import etax.batch.BatchProcessorProperties;
import etax.schemas.ReturnBundle;

/**
 * The limits a filer must respect, published at {@code GET /api/v1/limits} (as KSeF publishes its own).
 *
 * @param batch the limits of {@code POST /api/v1/batches}, separate from the single-return limit of
 * declaration-api
 */
record PublishedLimits(BatchLimits batch) {

	static PublishedLimits of(BatchProcessorProperties.Limits limits, long uploadsInMemoryBytes) {
		return new PublishedLimits(new BatchLimits(limits.maxUploadSize().toBytes(), limits.maxItems(),
				limits.maxItemSize().toBytes(), limits.maxUncompressedSize().toBytes(), limits.maxCompressionRatio(),
				uploadsInMemoryBytes, limits.minUploadRate().toBytes(), UploadPace.GRACE.toSeconds(), List.of(BatchController.ZIP, BatchController.ZIP_LEGACY, "application/xml", "text/xml"),
				"{" + ReturnBundle.NAMESPACE + "}" + ReturnBundle.ELEMENT));
	}

	/**
	 * @param maxUploadBytes the largest file
	 * @param maxItems the most returns in one batch
	 * @param maxItemBytes the largest return in a batch
	 * @param maxUncompressedBytes the most a zip may expand to, all entries together
	 * @param maxCompressionRatio the most one zip entry may expand relative to its compressed size
	 * @param uploadsInMemoryBytes the most bytes all the uploads being received at once hold, each its file
	 * and its returns (for a bundle, their bytes once more): an upload that cannot have its share at once is
	 * refused 503 {@code batch-uploads-busy} with {@code Retry-After}, one that needs more than all of it 413
	 * {@code batch-too-large}
	 * @param minUploadBytesPerSecond the fewest bytes a second an upload must average once it has taken
	 * {@code uploadGraceSeconds}: a slower one is refused 408 {@code batch-upload-too-slow}
	 * @param uploadGraceSeconds how long an upload may take before its rate counts
	 * @param mediaTypes the accepted {@code Content-Type}s: a zip (one return per entry, no directories, no
	 * {@code ..}, absolute or backslashed names) or one XML bundle
	 * @param bundleRoot the root element of an XML bundle, {@code {namespace}name}; its children are the returns,
	 * each as filed alone without its XML declaration
	 */
	record BatchLimits(long maxUploadBytes, int maxItems, long maxItemBytes, long maxUncompressedBytes,
			int maxCompressionRatio, long uploadsInMemoryBytes, long minUploadBytesPerSecond, long uploadGraceSeconds,
			List<String> mediaTypes, String bundleRoot) {

	}

}
