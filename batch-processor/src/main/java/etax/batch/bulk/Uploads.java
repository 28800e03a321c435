package etax.batch.bulk;

import java.util.List;

import etax.batch.BatchProcessorProperties;
import etax.batch.bulk.BatchRefusedException.Reason;
import etax.schemas.MalformedReturnException;
import etax.schemas.ReturnBundle;

/**
 * Takes an upload apart into its returns, byte for byte, or refuses it whole: nothing of a refused upload
 * is stored or filed. Whether each return is a valid one is for declaration-api to say, item by item. The
 * returns taken out are held beside the file until stored, so each is taken from the upload's share of
 * {@link UploadMemory} first.
 */
final class Uploads {

	private Uploads() {
	}

	/**
	 * @param body the file as uploaded
	 * @param format how it is packed
	 * @param limits the batch limits
	 * @param memory the upload's share of the memory of uploads
	 * @return its returns in order, at least one
	 * @throws BatchRefusedException if the file is unsafe, malformed, empty or over a limit
	 * @throws UploadsBusyException if other uploads hold the memory its returns need
	 */
	static List<UploadedItem> items(byte[] body, Format format, BatchProcessorProperties.Limits limits,
			UploadMemory.Share memory) {
		List<UploadedItem> items = switch (format) {
			case ZIP -> ZipItems.read(body, limits, memory);
			case XML -> bundle(body, limits, memory);
		};
		if (items.isEmpty()) {
			throw BatchRefusedException.of(Reason.EMPTY, "The file holds no return.");
		}
		return items;
	}

	private static List<UploadedItem> bundle(byte[] body, BatchProcessorProperties.Limits limits,
			UploadMemory.Share memory) {
		List<ReturnBundle.Part> parts;
		try {
			parts = ReturnBundle.split(body, limits.maxItems());
		}
		catch (MalformedReturnException ex) {
			throw BatchRefusedException.of(Reason.MALFORMED, ex.getMessage()
					+ ((ex.line() != null) ? " (line " + ex.line() + ")" : ""));
		}
		if (parts.size() > limits.maxItems()) {
			throw BatchRefusedException.of(Reason.TOO_MANY_ITEMS,
					"A batch holds at most " + limits.maxItems() + " returns.");
		}
		for (ReturnBundle.Part part : parts) {
			if (part.length() > limits.maxItemSize().toBytes()) {
				throw BatchRefusedException.of(Reason.ITEM_TOO_LARGE, "Return " + part.number()
						+ " is larger than the " + limits.maxItemSize().toKilobytes() + " KB a return in a batch may be.");
			}
		}
		memory.take(parts.stream().mapToLong(ReturnBundle.Part::length).sum());
		return parts.stream().map((part) -> new UploadedItem(null, part.bytes(body))).toList();
	}

}
