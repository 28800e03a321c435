package etax.declaration.submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import etax.declaration.payable.PayableItem;
import org.jspecify.annotations.Nullable;

/**
 * A return decided in the filing transaction, to be written ({@link FilingRecords}).
 * @param filer who filed it
 * @param stored the return
 * @param supersedes the accepted return it supersedes, if any
 */
record DecidedReturn(String filer, StoredReturn stored, ReturnChains.@Nullable Member supersedes) {

	/** Its lifecycle so far, and the end of the one it supersedes. */
	List<ReturnEvents.Entry> lifecycle(List<PayableItem> items) {
		Instant at = this.stored.receivedAt();
		List<ReturnEvents.Entry> entries = new ArrayList<>();
		// who filed it (token subject and role, never the token): an agent's or a T-VAN's filing for the
		// taxpayer reads as such in the lifecycle
		entries.add(new ReturnEvents.Entry(this.stored.id(), "RECEIVED", at,
				Map.of("transactionCode", this.stored.transactionCode(), "filedBy", this.stored.filedBy().subject(),
						"filerRole", String.valueOf(this.stored.filedBy().role()))));
		entries.add(new ReturnEvents.Entry(this.stored.id(), this.stored.status().name(), at,
				Map.of("findings", this.stored.findings().size())));
		if (!items.isEmpty()) {
			entries.add(new ReturnEvents.Entry(this.stored.id(), "PAYABLE_ITEMS_CREATED", at,
					Map.of("count", items.size())));
		}
		if (this.supersedes != null) {
			entries.add(new ReturnEvents.Entry(this.supersedes.id(), "SUPERSEDED", at,
					Map.of("by", this.stored.id().toString(), "transactionCode", this.stored.transactionCode())));
		}
		return entries;
	}

}
