package etax.batch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A JSON request body whose unknown properties are refused (400 naming the property) instead of ignored as
 * everywhere else: a launch body with a property of another job's body ({@code businessDay} for
 * {@code assessedFor}) must not silently launch the default day. {@link UnknownProperties} enforces it.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RefusesUnknownProperties {

}
