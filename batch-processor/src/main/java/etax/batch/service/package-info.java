/**
 * batch-processor as a caller of the other services: its own SERVICE token.
 */
@NullMarked
package etax.batch.service;

import org.jspecify.annotations.NullMarked;
