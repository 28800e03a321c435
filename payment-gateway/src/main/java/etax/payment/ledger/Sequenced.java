package etax.payment.ledger;

/**
 * A row read with its place in a keyset-paged listing: the next page starts after the last row's.
 *
 * @param value the row
 * @param seq its sequence number
 */
record Sequenced<T>(T value, long seq) {

}
