package etax.batch.bulk;

import etax.ids.TaxpayerId;
import etax.schemas.ReturnTaxpayer;

/**
 * Which partition of its batch an item is filed in, fixed when the batch is stored: all the returns of
 * one taxpayer in the same one, where they are filed one after the other in item order, so that an
 * original is decided before its supplement. A return whose taxpayer cannot be read (declaration-api will
 * refuse it) goes by its item number. The MST is taken as declaration-api keys a taxpayer's returns,
 * {@link TaxpayerId#normalised normalised}: an original written {@code 0313829148-001} and its supplement written
 * {@code 0313829148001} are one taxpayer's. {@link String#hashCode} is specified, so the same MST lands in the
 * same partition in every process.
 *
 * @param count how many partitions a batch has
 */
record ItemPartitions(int count) {

	ItemPartitions {
		if (count < 1 || count > Short.MAX_VALUE) {
			throw new IllegalArgumentException("A batch has 1 to " + Short.MAX_VALUE + " partitions, not " + count);
		}
	}

	/**
	 * @param itemNo the item's number in its batch, from 1
	 * @param content its return
	 * @return its partition, from 0
	 */
	int of(int itemNo, byte[] content) {
		return ReturnTaxpayer.mst(content)
			.map((mst) -> Math.floorMod(TaxpayerId.normalised(mst).hashCode(), this.count))
			.orElse((itemNo - 1) % this.count);
	}

}
