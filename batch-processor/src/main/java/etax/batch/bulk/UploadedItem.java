package etax.batch.bulk;

import org.jspecify.annotations.Nullable;

/**
 * One return of an upload, byte for byte.
 *
 * @param name its zip entry name; none in a bundle
 * @param content the return
 */
record UploadedItem(@Nullable String name, byte[] content) {

}
