/**
 * Late-payment interest over HTTP: launching and catching up runs, and the officers' view of each run.
 */
@NullMarked
package etax.batch.interest.web;

import org.jspecify.annotations.NullMarked;
