package etax.declaration.extension;

/** No extension of this id was granted to the taxpayer, or the caller may not see it. */
public final class ExtensionNotFoundException extends RuntimeException {

	ExtensionNotFoundException() {
		super("No deadline extension of this id was granted to this taxpayer");
	}

}
