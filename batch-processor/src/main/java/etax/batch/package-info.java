/**
 * The batch-processor service: Spring Batch jobs over what the other services announce on Kafka. Each
 * sub-package is a feature and a Spring Modulith application module.
 */
@NullMarked
package etax.batch;

import org.jspecify.annotations.NullMarked;
