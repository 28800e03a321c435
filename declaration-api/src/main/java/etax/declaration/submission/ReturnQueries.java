package etax.declaration.submission;

import java.util.UUID;

import etax.declaration.payable.PayableItems;

import org.springframework.stereotype.Service;

/** Reads stored returns. */
@Service
public class ReturnQueries {

	private final ReturnRepository returns;

	private final PayableItems payableItems;

	ReturnQueries(ReturnRepository returns, PayableItems payableItems) {
		this.returns = returns;
		this.payableItems = payableItems;
	}

	public StoredReturn byId(UUID id) {
		StoredReturn stored = this.returns.findById(id).orElseThrow(() -> ReturnNotFoundException.forId(id));
		return stored.withPayableItems(this.payableItems.ofReturn(id));
	}

}
