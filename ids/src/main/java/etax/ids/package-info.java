/**
 * Identifiers for the rows and events the services create.
 */
@NullMarked
package etax.ids;

import org.jspecify.annotations.NullMarked;
