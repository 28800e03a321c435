package etax.batch.bulk;

/**
 * An item the job is about to file, as its reader reads it: without its return, which the writer reads a request's
 * worth at a time, so that a chunk of returns up to 5 MB each is not held whole by every worker thread.
 *
 * @param itemNo its number in the batch, from 1
 * @param length its return's length in bytes
 */
record ItemToFile(int itemNo, int length) {

}
