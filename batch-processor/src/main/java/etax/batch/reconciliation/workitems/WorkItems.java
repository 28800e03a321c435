package etax.batch.reconciliation.workitems;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import etax.access.Caller;
import etax.batch.BusinessDays;
import etax.batch.reconciliation.LineClass;
import etax.batch.reconciliation.OfficeScope;
import etax.batch.reconciliation.ReconciledLine;
import etax.batch.reconciliation.ReconciliationDays;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What officers do with work items: assign, comment, resolve; and, for a resolution that moves money, a
 * second officer with the approver claim approves (never the one who resolved it) or sends it back.
 * Officers see and act on their tax office's items, national officers on all. Every action is an event
 * with who and when. A resolution never edits a recorded payment: an approved correction request is
 * recorded at the gateway as a new entry, with the approver's own token.
 */
@Service
public class WorkItems {

	private static final Logger log = LoggerFactory.getLogger(WorkItems.class);

	/**
	 * The most characters of a comment, a resolution's reason or a reason to send one back: they are kept
	 * for good in the append-only history and shown with every item.
	 */
	public static final int MAX_TEXT = 2000;

	/** How soon the same comment again is taken for the same form sent twice. */
	static final Duration REPEAT_WINDOW = Duration.ofSeconds(30);

	/** The most characters of an assignee's subject. */
	public static final int MAX_ASSIGNEE = 200;

	private final WorkItemRepository repository;

	private final Resolutions resolutions;

	private final GatewayCorrections gateway;

	private final UnansweredProposals unanswered;

	private final ReconciliationDays days;

	private final Clock clock;

	WorkItems(WorkItemRepository repository, Resolutions resolutions, GatewayCorrections gateway,
			UnansweredProposals unanswered, ReconciliationDays days, Clock clock) {
		this.repository = repository;
		this.resolutions = resolutions;
		this.gateway = gateway;
		this.unanswered = unanswered;
		this.days = days;
		this.clock = clock;
	}

	/**
	 * Which items to list; every criterion is optional.
	 * @param day the business day
	 * @param status the status
	 * @param lineClass the class
	 * @param assignee the officer on it
	 */
	public record Query(@Nullable LocalDate day, @Nullable WorkItemStatus status, @Nullable LineClass lineClass,
			@Nullable String assignee) {

	}

	/**
	 * @param items the items
	 * @param page the page, from 0; 0 for a page asked for by {@code after}
	 * @param size the page size
	 * @param totalItems items in all pages
	 * @param next the {@code after} of the next page ({@code <day>,<id>}, {@link After}), null on the last: a queue
	 * whose items leave as officers act (assigned, no longer OPEN) is paged from the last item shown, since the next
	 * page's number would skip as many items as left
	 */
	public record Page(List<WorkItem> items, int page, int size, long totalItems, @Nullable String next) {

	}

	/**
	 * Where a page starts: after this item, in the list's order (newest business day first, then by id). Written
	 * {@code <day>,<id>}, as the {@code after} of an address.
	 * @param day the last item's business day
	 * @param id the last item's id
	 */
	public record After(LocalDate day, long id) {

		/**
		 * @param text {@code <day>,<id>}, e.g. {@code 2025-03-13,42}
		 * @return where the page starts
		 * @throws IllegalArgumentException when it is not that, or the day is of a year the service cannot hold
		 */
		public static After valueOf(String text) {
			int comma = text.indexOf(',');
			try {
				LocalDate day = LocalDate.parse(text.substring(0, Math.max(comma, 0)).strip());
				if (!BusinessDays.inRange(day)) {
					throw new IllegalArgumentException("after names a day out of range: " + day);
				}
				return new After(day, Long.parseLong(text.substring(comma + 1).strip()));
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("after is <day>,<work item id>, e.g. 2025-03-13,42", ex);
			}
		}

		static After of(WorkItem item) {
			return new After(item.businessDay(), item.id());
		}

		@Override
		public String toString() {
			return this.day + "," + this.id;
		}

	}

	/**
	 * @param item the item
	 * @param line its line as last classified (null when the line is gone from the day)
	 * @param history every action on it, oldest first
	 * @param corrections its correction requests
	 */
	public record Detail(WorkItem item, @Nullable ReconciledLine line, List<WorkItemEvent> history,
			List<CorrectionRequest> corrections) {

	}

	/** A page by number: the API's, kept for its callers; {@link #after} does not skip items that left. */
	@Transactional(readOnly = true)
	public Page page(Query query, Caller caller, int page, int size) {
		LocalDate day = query.day();
		if (day != null && !BusinessDays.inRange(day)) {
			// a day of a year the service cannot hold has no items, and PostgreSQL would refuse to compare with it
			return new Page(List.of(), page, size, 0, null);
		}
		OfficeScope scope = OfficeScope.of(caller);
		// one more than shown: whether it comes says whether there is a next page
		List<WorkItem> items = this.repository.page(query, scope, (long) page * size, size + 1);
		return new Page(first(items, size), page, size, this.repository.count(query, scope), next(items, size));
	}

	/**
	 * The page of items after an item, or the first page.
	 * @param after the {@code next} of the page before; null for the first page
	 */
	@Transactional(readOnly = true)
	public Page after(Query query, Caller caller, @Nullable After after, int size) {
		LocalDate day = query.day();
		if (day != null && !BusinessDays.inRange(day)) {
			return new Page(List.of(), 0, size, 0, null);
		}
		OfficeScope scope = OfficeScope.of(caller);
		// one more than shown: whether it comes says whether there is a next page
		List<WorkItem> items = this.repository.after(query, scope, after, size + 1);
		return new Page(first(items, size), 0, size, this.repository.count(query, scope), next(items, size));
	}

	private static List<WorkItem> first(List<WorkItem> items, int size) {
		return (items.size() > size) ? List.copyOf(items.subList(0, size)) : items;
	}

	private static @Nullable String next(List<WorkItem> items, int size) {
		return (items.size() > size) ? After.of(items.get(size - 1)).toString() : null;
	}

	@Transactional(readOnly = true)
	public Detail detail(long id, Caller caller) {
		WorkItem item = this.repository.find(id, OfficeScope.of(caller), false)
			.orElseThrow(() -> WorkItemNotFoundException.forId(id));
		return new Detail(item, this.days.line(item.businessDay(), item.lineKey()).orElse(null),
				this.repository.events(id), this.repository.corrections(id));
	}

	/**
	 * Puts an officer on an open or assigned item.
	 * @param assignee the officer's subject; the caller when null
	 */
	@Transactional
	public Detail assign(long id, @Nullable String assignee, Caller caller) {
		WorkItem item = lock(id, caller);
		require(item, "assign", item.status() == WorkItemStatus.OPEN || item.status() == WorkItemStatus.ASSIGNED,
				"only open or assigned items are assigned");
		String officer = (assignee != null && !assignee.isBlank()) ? assignee.strip() : caller.subject();
		bounded("An assignee", officer, MAX_ASSIGNEE);
		Instant now = this.clock.instant();
		this.repository.update(id, WorkItemStatus.ASSIGNED, officer, null, null, null, null, null, null, now);
		this.repository.event(id, caller.subject(), "ASSIGNED", officer, now);
		return detail(id, caller);
	}

	/**
	 * Adds a comment to the item's history; the same comment of the same officer again within
	 * {@link #REPEAT_WINDOW} (a form sent twice) adds nothing. The item's lock orders the two.
	 */
	@Transactional
	public Detail comment(long id, String text, Caller caller) {
		bounded("A comment", text, MAX_TEXT);
		lock(id, caller);
		Instant now = this.clock.instant();
		if (!this.repository.latestEventIs(id, caller.subject(), "COMMENTED", text, now.minus(REPEAT_WINDOW))) {
			this.repository.event(id, caller.subject(), "COMMENTED", text, now);
		}
		return detail(id, caller);
	}

	/**
	 * Resolves an item assigned to the caller: at once when no money moves, else as a correction request
	 * that waits for approval, proposed at the gateway in the caller's name.
	 * @param authorization the caller's {@code Authorization} header, relayed to the gateway
	 * @throws InvalidResolutionException when the resolution does not fit the item
	 * @throws CorrectionNotRecordedException when the gateway did not take the proposal: the item does not change;
	 * when the gateway may hold it all the same (its answer lost), the request is kept WITHDRAWN and withdrawn there
	 */
	@Transactional
	public Detail resolve(long id, Resolution resolution, Caller caller, String authorization) {
		WorkItem item = lock(id, caller);
		require(item, "resolve", item.status() == WorkItemStatus.ASSIGNED && caller.subject().equals(item.assignee()),
				"an item is resolved by the officer it is assigned to");
		Instant now = this.clock.instant();
		ResolutionKind kind = this.resolutions.check(item, resolution);
		String reason = resolution.reason();
		if (!kind.movesMoney()) {
			this.repository.update(id, WorkItemStatus.RESOLVED, item.assignee(), kind, reason, caller.subject(), now,
					null, null, now);
			this.repository.event(id, caller.subject(), "RESOLVED", kind + ": " + reason, now);
			return detail(id, caller);
		}
		CorrectionRequest request = this.resolutions.request(item, kind, resolution, caller.subject(), now);
		this.repository.insert(request, id);
		this.repository.noteLine(request.correctionId(), item.businessDay(), item.lineKey());
		try {
			this.gateway.propose(request, id, authorization);
		}
		catch (CorrectionNotRecordedException ex) {
			if (ex.gatewayMayHoldIt()) {
				this.unanswered.withdrawUnlessCommitted(request, id);
			}
			throw ex;
		}
		// the gateway holds it now: should this transaction fail to commit, it must not stay proposed there
		this.unanswered.withdrawUnlessCommitted(request, id);
		this.repository.update(id, WorkItemStatus.AWAITING_APPROVAL, item.assignee(), kind, reason, caller.subject(),
				now, null, null, now);
		this.repository.event(id, caller.subject(), "RESOLUTION_PROPOSED",
				kind + " " + request.requestNumber() + ": " + reason, now);
		return detail(id, caller);
	}

	/**
	 * Approves a resolution that moves money and records its correction request at the gateway.
	 * @param correctionId the request the approver reviewed: the one the item waits for, or nothing is done
	 * @param authorization the approver's {@code Authorization} header, relayed to the gateway
	 * @throws ApprovalRefusedException when the caller is not an approver or resolved the item
	 * @throws WorkItemConflictException when the item waits for nothing, or for another request than the reviewed one
	 * @throws CorrectionNotRecordedException when the gateway did not record it: nothing changes here
	 */
	@Transactional
	public Detail approve(long id, UUID correctionId, Caller caller, String authorization) {
		// the day before the item, in the order of the run's work-items step, which holds the day and then its items
		this.repository.holdDay(find(id, caller).businessDay());
		WorkItem item = lockForDecision(id, caller, "approve");
		CorrectionRequest request = awaiting(id);
		if (!request.correctionId().equals(correctionId)) {
			throw WorkItemConflictException.notAwaited(id, request.requestNumber());
		}
		// a day run again (the bank's corrected file) may have classed the line otherwise since it was proposed, and
		// the item's own update may not have come yet: what was proposed for the old class moves no money now. With
		// the day held, a classification of it that was running has committed and none starts until this one ends
		LineClass current = this.days.line(item.businessDay(), item.lineKey())
			.map(ReconciledLine::lineClass)
			.orElse(null);
		if (current != item.lineClass()) {
			throw WorkItemConflictException.lineChanged(id, item.lineClass(), current);
		}
		// of the same class, the line may differ all the same: a corrected file fixed one of the fields that differed
		if (!this.repository.lineAsProposed(request.correctionId(), item.businessDay(), item.lineKey())) {
			throw WorkItemConflictException.lineChangedSince(id);
		}
		this.gateway.record(request, id, authorization);
		Instant now = this.clock.instant();
		this.repository.decide(request.correctionId(), "RECORDED", caller.subject(), now);
		this.repository.update(id, WorkItemStatus.RESOLVED, item.assignee(), item.resolution(), item.resolutionReason(),
				item.resolvedBy(), item.resolvedAt(), caller.subject(), now, now);
		this.repository.event(id, caller.subject(), "APPROVED",
				request.requestNumber() + " recorded at the gateway as " + request.correctionId(), now);
		log.info("Work item approved workItem={} correction={} kind={}", id, request.correctionId(), request.kind());
		return detail(id, caller);
	}

	/**
	 * Sends a proposed resolution back to the officer who made it.
	 * @param correctionId the request the approver reviewed, when known (the console's form names it): the one the
	 * item waits for, or nothing is done; null for the one waiting now
	 * @throws WorkItemConflictException when the item waits for nothing, or for another request than the reviewed one
	 */
	@Transactional
	public Detail reject(long id, @Nullable UUID correctionId, String reason, Caller caller) {
		bounded("A reason", reason, MAX_TEXT);
		WorkItem item = lockForDecision(id, caller, "reject");
		CorrectionRequest request = awaiting(id);
		if (correctionId != null && !request.correctionId().equals(correctionId)) {
			throw WorkItemConflictException.notAwaited(id, request.requestNumber());
		}
		Instant now = this.clock.instant();
		this.repository.decide(request.correctionId(), "REJECTED", caller.subject(), now);
		this.repository.update(id, WorkItemStatus.ASSIGNED, item.assignee(), null, null, null, null, null, null, now);
		this.repository.event(id, caller.subject(), "REJECTED", request.requestNumber() + ": " + reason, now);
		return detail(id, caller);
	}

	/** The API refuses longer texts with a 400 first; this keeps every other caller (the console) within bounds. */
	private static void bounded(String what, String text, int max) {
		if (text.length() > max) {
			throw new IllegalArgumentException(what + " has at most " + max + " characters, not " + text.length() + ".");
		}
	}

	private WorkItem lockForDecision(long id, Caller caller, String action) {
		WorkItem item = lock(id, caller);
		require(item, action, item.status() == WorkItemStatus.AWAITING_APPROVAL,
				"only a resolution that moves money waits for approval");
		if (!caller.approver()) {
			throw ApprovalRefusedException.approverRequired(id);
		}
		if (caller.subject().equals(item.resolvedBy())) {
			throw ApprovalRefusedException.sameOfficer(id);
		}
		return item;
	}

	private CorrectionRequest awaiting(long id) {
		return this.repository.corrections(id)
			.stream()
			.filter((c) -> "AWAITING_APPROVAL".equals(c.status()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Work item " + id + " waits without a correction request"));
	}

	private WorkItem lock(long id, Caller caller) {
		return this.repository.find(id, OfficeScope.of(caller), true)
			.orElseThrow(() -> WorkItemNotFoundException.forId(id));
	}

	private WorkItem find(long id, Caller caller) {
		return this.repository.find(id, OfficeScope.of(caller), false)
			.orElseThrow(() -> WorkItemNotFoundException.forId(id));
	}

	private static void require(WorkItem item, String action, boolean allowed, String rule) {
		if (!allowed) {
			throw WorkItemConflictException.of(item.id(), action, item.status(), rule);
		}
	}

}
