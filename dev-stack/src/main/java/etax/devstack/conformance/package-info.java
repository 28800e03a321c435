/**
 * The conformance pack: the cases a filer's software should pass against the sandbox before it files for
 * real (docs/adr/0017-sandbox.md), and {@link etax.devstack.conformance.Conformance}, which runs them
 * against the local stack ({@code ./etax conformance}).
 */
@NullMarked
package etax.devstack.conformance;

import org.jspecify.annotations.NullMarked;
