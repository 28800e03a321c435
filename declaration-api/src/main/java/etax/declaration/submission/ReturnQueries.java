package etax.declaration.submission;

import java.util.List;
import java.util.UUID;

import etax.declaration.payable.PayableItems;

import org.springframework.stereotype.Service;

/** Reads stored returns, their receipts and their lifecycle. */
@Service
public class ReturnQueries {

	private final ReturnRepository returns;

	private final PayableItems payableItems;

	private final ReturnEvents events;

	private final Idempotency idempotency;

	ReturnQueries(ReturnRepository returns, PayableItems payableItems, ReturnEvents events, Idempotency idempotency) {
		this.returns = returns;
		this.payableItems = payableItems;
		this.events = events;
		this.idempotency = idempotency;
	}

	public StoredReturn byId(UUID id) {
		StoredReturn stored = this.returns.findById(id).orElseThrow(() -> ReturnNotFoundException.forId(id));
		return stored.withPayableItems(this.payableItems.ofReturn(id));
	}

	public StoredReturn byTransactionCode(String transactionCode) {
		return byId(this.returns.findByTransactionCode(transactionCode)
			.orElseThrow(() -> ReturnNotFoundException.forTransactionCode(transactionCode))
			.id());
	}

	/** The return a filer filed under an idempotency key: how a lost response is recovered. */
	public StoredReturn byIdempotencyKey(String filer, String key) {
		return byId(this.idempotency.returnOf(filer, key).orElseThrow(() -> ReturnNotFoundException.forIdempotencyKey()));
	}

	public List<StoredReturn> find(ReturnFilter filter, int page, int size) {
		return this.returns.find(filter, page, size);
	}

	public List<LifecycleEvent> lifecycle(UUID id) {
		byId(id);
		return this.events.of(id);
	}

}
