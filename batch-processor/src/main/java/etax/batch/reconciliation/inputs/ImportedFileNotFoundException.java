package etax.batch.reconciliation.inputs;

/** No daily file was imported with that id. */
public final class ImportedFileNotFoundException extends RuntimeException {

	private ImportedFileNotFoundException(String message) {
		super(message);
	}

	static ImportedFileNotFoundException forId(long fileId) {
		return new ImportedFileNotFoundException("No imported file " + fileId);
	}

}
