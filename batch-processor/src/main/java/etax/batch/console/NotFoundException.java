package etax.batch.console;

/** Something a console page names is not there, or not in the officer's scope. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
