/**
 * JMH benchmarks. Build with {@code ./mvnw -pl benchmarks -am package}, run with
 * {@code java -jar benchmarks/target/benchmarks.jar}.
 */
@NullMarked
package etax.benchmarks;

import org.jspecify.annotations.NullMarked;
