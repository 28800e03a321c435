package etax.declaration.submission;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import etax.access.Caller;
import etax.declaration.calendar.Deadlines;
import etax.declaration.payable.PayableItem;
import etax.declaration.payable.PayableItems;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Reads stored returns, their receipts and their lifecycle, each within what the caller may see
 * ({@link ReturnScope}): a return outside it is not found.
 */
@Service
public class ReturnQueries {

	/** How many of a chain's returns not accepted it lists, the latest. */
	static final int REFUSED_IN_A_CHAIN = 100;

	private final ReturnRepository returns;

	private final PayableItems payableItems;

	private final ReturnEvents events;

	private final Idempotency idempotency;

	private final Clock clock;

	/**
	 * @param clock the real clock (the bean named {@code clock}), never the sandbox's: which returns a caller may
	 * see (an agent's contracts in force "today") follows the real day (ADR 0017: the sandbox changes no one's
	 * rights)
	 */
	ReturnQueries(ReturnRepository returns, PayableItems payableItems, ReturnEvents events, Idempotency idempotency,
			@Qualifier("clock") Clock clock) {
		this.returns = returns;
		this.payableItems = payableItems;
		this.events = events;
		this.idempotency = idempotency;
		this.clock = clock;
	}

	public StoredReturn byId(UUID id, Caller caller) {
		return withPayableItems(this.returns.findById(id, scope(caller)).orElseThrow(() -> ReturnNotFoundException.forId(id)));
	}

	public StoredReturn byTransactionCode(String transactionCode, Caller caller) {
		return withPayableItems(this.returns.findByTransactionCode(transactionCode, scope(caller))
			.orElseThrow(() -> ReturnNotFoundException.forTransactionCode(transactionCode)));
	}

	/** The return a filer filed under an idempotency key: how a lost response is recovered. */
	public StoredReturn byIdempotencyKey(Caller filer, String key) {
		return filed(this.idempotency.returnOf(filer.subject(), key)
			.orElseThrow(() -> ReturnNotFoundException.forIdempotencyKey()));
	}

	public List<StoredReturn> find(ReturnFilter filter, Caller caller, int page, int size) {
		List<StoredReturn> found = this.returns.find(filter, scope(caller), page, size);
		Map<UUID, List<PayableItem>> items = this.payableItems.ofReturns(found.stream().map(StoredReturn::id).toList());
		return found.stream().map((stored) -> stored.withPayableItems(items.getOrDefault(stored.id(), List.of()))).toList();
	}

	/**
	 * A return's lifecycle, as the caller may read it: a SUPERSEDED step names the superseding return by its id only
	 * when the caller may not read that one (another filer's supplement), as its chain does.
	 */
	public List<LifecycleEvent> lifecycle(UUID id, Caller caller) {
		byId(id, caller);
		List<LifecycleEvent> events = this.events.of(id);
		List<UUID> superseding = events.stream()
			.filter((event) -> "SUPERSEDED".equals(event.type()) && event.detail().get("by") != null)
			.map((event) -> UUID.fromString(String.valueOf(event.detail().get("by"))))
			.toList();
		if (superseding.isEmpty()) {
			return events;
		}
		Set<UUID> visible = this.returns.visible(superseding, scope(caller));
		return events.stream()
			.map((event) -> (!"SUPERSEDED".equals(event.type()) || event.detail().get("by") == null
					|| visible.contains(UUID.fromString(String.valueOf(event.detail().get("by"))))) ? event
							: new LifecycleEvent(event.type(), event.at(), Map.of("by", event.detail().get("by"))))
			.toList();
	}

	/**
	 * The chain of a return: the original and its supplements the caller may see, oldest first, each with
	 * what it changed against the accepted return in force when it arrived. Which is in force and what each changed
	 * are judged on the whole chain, also the returns others filed (the taxpayer, another agent, a T-VAN), which
	 * are then left out: a return compared with one the caller may not read names it by its id only, without what
	 * changed (its "before" values are that return's figures: a made-up supplement would read them). Of the returns
	 * not accepted, the latest {@value #REFUSED_IN_A_CHAIN} are listed, and the given one.
	 * @param id a return of the chain
	 * @param caller who asks
	 * @return the chain
	 * @throws ReturnNotFoundException if the caller may not see the return
	 */
	public List<ChainedReturn> chain(UUID id, Caller caller) {
		ReturnScope scope = scope(caller);
		this.returns.findById(id, scope).orElseThrow(() -> ReturnNotFoundException.forId(id));
		List<ChainHistory.Member> chain = this.returns.chainOf(id, REFUSED_IN_A_CHAIN);
		Set<UUID> visible = this.returns.visible(chain.stream().map(ChainHistory.Member::id).toList(), scope);
		// the items of a return left out are never shown: not read
		Map<UUID, List<PayableItem>> items = this.payableItems.ofReturns(visible);
		return ChainHistory.of(chain, (member) -> items.getOrDefault(member, List.of()))
			.stream()
			.filter((member) -> visible.contains(member.id()))
			.map((member) -> (member.comparedWith() == null || visible.contains(member.comparedWith())) ? member
					: member.comparedWithUnreadable())
			.toList();
	}

	/**
	 * A return whoever asks: the intake's, for the filer who sent it, and a service's that judges the caller's right
	 * to it itself (a fine is decided by the taxpayer's managing office, whichever office the return was filed with).
	 * @throws ReturnNotFoundException if there is no such return
	 */
	public StoredReturn filed(UUID id) {
		return withPayableItems(this.returns.findById(id).orElseThrow(() -> ReturnNotFoundException.forId(id)));
	}

	private StoredReturn withPayableItems(StoredReturn stored) {
		return stored.withPayableItems(this.payableItems.ofReturn(stored.id()));
	}

	private ReturnScope scope(Caller caller) {
		return ReturnScope.of(caller, LocalDate.now(this.clock.withZone(Deadlines.VIETNAM)));
	}

}
