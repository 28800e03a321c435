package etax.declaration.submission;

import java.util.UUID;

import org.springframework.stereotype.Service;

/** Reads stored returns. */
@Service
public class ReturnQueries {

	private final ReturnRepository returns;

	ReturnQueries(ReturnRepository returns) {
		this.returns = returns;
	}

	public StoredReturn byId(UUID id) {
		return this.returns.findById(id).orElseThrow(() -> ReturnNotFoundException.forId(id));
	}

}
