/**
 * The sandbox, for filers and their software vendors testing against a local or test deployment: per
 * request, a filing time of their choosing and simulated failures (docs/adr/0017-sandbox.md). Off unless
 * {@code etax.sandbox.enabled}; production ignores the sandbox headers.
 */
@NullMarked
package etax.declaration.sandbox;

import org.jspecify.annotations.NullMarked;
