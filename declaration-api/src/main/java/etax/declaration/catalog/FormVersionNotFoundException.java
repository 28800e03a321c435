package etax.declaration.catalog;

/**
 * The catalog has no such form version (maTKhai, pbanTKhaiXML).
 */
class FormVersionNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private FormVersionNotFoundException(String message) {
		super(message);
	}

	static FormVersionNotFoundException of(String maTKhai, String version) {
		return new FormVersionNotFoundException(
				"The catalog has no form version maTKhai " + maTKhai + ", pbanTKhaiXML " + version + ".");
	}

}
