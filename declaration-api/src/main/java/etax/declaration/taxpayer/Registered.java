package etax.declaration.taxpayer;

/**
 * What a registration left in the registry.
 *
 * @param <T> what was registered
 * @param value the registration as stored
 * @param created whether it was stored now; {@code false} when the same registration was there already (a
 * request sent again), which changes nothing
 */
public record Registered<T>(T value, boolean created) {

}
