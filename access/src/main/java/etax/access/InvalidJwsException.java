package etax.access;

/** A detached JWS that cannot be read or used ({@link DetachedJws}): the message says why, in words. */
public final class InvalidJwsException extends RuntimeException {

	InvalidJwsException(String reason) {
		super(reason);
	}

}
