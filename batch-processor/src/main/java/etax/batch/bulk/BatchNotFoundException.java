package etax.batch.bulk;

import java.util.UUID;

/** No batch of that id, or none the caller may see. */
public class BatchNotFoundException extends RuntimeException {

	private BatchNotFoundException(String message) {
		super(message);
	}

	static BatchNotFoundException forId(UUID id) {
		return new BatchNotFoundException("No batch " + id);
	}

}
