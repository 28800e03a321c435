package etax.declaration.submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import etax.declaration.calendar.Deadlines;
import etax.declaration.extension.ExtendedDeadline;
import etax.declaration.inspection.TaxInspection;
import etax.declaration.notice.Notices;
import etax.declaration.payable.AcceptedReturn;
import etax.declaration.payable.PayableItem;
import etax.declaration.payable.PayableItems;
import etax.declaration.taxpayer.Taxpayer;
import etax.ids.TimeOrderedIds;
import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;
import etax.schemas.Finding;
import etax.schemas.ReturnDocument;
import etax.schemas.ReturnHeader;
import etax.schemas.Severity;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The filing transaction, for one return or a group of returns (a batch request's items, or single
 * filings that arrived together, see {@link GroupCommit}):
 * replays an earlier filing of the same key, or the filer's accepted return of the same content (its key,
 * if it sent one, then names that return), or decides each return against its chain, and
 * stores them with their lifecycles, payable items, events and notices. Everything commits together or
 * not at all. A group costs a fixed number of statements, not a number per return: its locks, lookups,
 * chains and transaction codes are each read in one round trip and its rows are written in one
 * statement per table. Within a group the returns are decided in order, each seeing the ones before it
 * (an original and its supplement in one request, or the same content twice).
 * A return filed before by another filer, or not accepted, is no answer to a filing: it is decided on its
 * merits (a second original of an accepted return is then not accepted, CTX-DUP-01, with a pointer to it).
 */
@Component
class ReturnFiling {

	private final Idempotency idempotency;

	private final ReturnChains chains;

	private final ReturnRepository returns;

	private final ReturnEvents events;

	private final TransactionCodes transactionCodes;

	private final PayableItems payableItems;

	private final Outbox outbox;

	private final Notices notices;

	private final DateRanges dateRanges;

	ReturnFiling(Idempotency idempotency, ReturnChains chains, ReturnRepository returns, ReturnEvents events,
			TransactionCodes transactionCodes, PayableItems payableItems, Outbox outbox, Notices notices,
			DateRanges dateRanges) {
		this.idempotency = idempotency;
		this.chains = chains;
		this.dateRanges = dateRanges;
		this.returns = returns;
		this.events = events;
		this.transactionCodes = transactionCodes;
		this.payableItems = payableItems;
		this.outbox = outbox;
		this.notices = notices;
	}

	/**
	 * Files returns in one transaction.
	 * @param candidates the returns, received and checked, in the order to decide them
	 * @return the outcome of each, in the same order
	 */
	@Transactional
	List<Filed> file(List<Candidate> candidates) {
		List<String> chainKeys = candidates.stream().map((candidate) -> ReturnChains.keyOf(candidate.document())).toList();
		List<Idempotency.Lookup> lookups = new ArrayList<>();
		List<String> chainsToRead = new ArrayList<>();
		Set<String> rangesToRead = new LinkedHashSet<>();
		for (int i = 0; i < candidates.size(); i++) {
			Candidate candidate = candidates.get(i);
			ReturnDocument document = candidate.document();
			List<String> locks = new ArrayList<>();
			if (candidate.taxpayer().isPresent()) {
				locks.add(ReturnChains.lockName(chainKeys.get(i)));
				chainsToRead.add(chainKeys.get(i));
				chainsToRead.addAll(OtherReturns.keys(document));
				// R-DUP-4: a supplement and its year's finalization filed at once are decided one after the other
				FinalizedYear.keys(document).forEach((key) -> locks.add(ReturnChains.lockName(key)));
				chainsToRead.addAll(FinalizedYear.keys(document));
				DateRanges.scopeOf(document).ifPresent((scope) -> {
					locks.add(DateRanges.lockName(scope));
					rangesToRead.add(scope);
				});
			}
			lookups.add(new Idempotency.Lookup(candidate.filer(), candidate.idempotencyKey(), document.sha256(), locks));
		}
		List<Optional<Idempotency.Earlier>> earlier = this.idempotency.lockAndFind(lookups);
		List<Instant> codesToIssue = new ArrayList<>();
		for (int i = 0; i < candidates.size(); i++) {
			if (earlier.get(i).isEmpty()) {
				codesToIssue.add(candidates.get(i).receivedAt());
			}
		}
		Iterator<String> codes = this.transactionCodes.next(codesToIssue).iterator();
		Group group = new Group(this.chains.accepted(chainsToRead), this.dateRanges.accepted(rangesToRead));
		Filed[] outcomes = new Filed[candidates.size()];
		for (int i = 0; i < candidates.size(); i++) {
			Candidate candidate = candidates.get(i);
			Optional<Idempotency.Earlier> stored = earlier.get(i);
			Optional<Idempotency.Earlier> before = group.filedUnderKey(candidate)
				.or(() -> stored)
				.or(() -> group.filedWithContent(candidate));
			if (before.isPresent() && before.get().sameContent()) {
				outcomes[i] = new Filed.Replayed(before.get().returnId());
				if (!before.get().underKey()) {
					group.bind(candidate, before.get().returnId());
				}
			}
			else if (before.isPresent()) {
				outcomes[i] = new Filed.Conflict(before.get().returnId());
			}
			else {
				group.decided.put(i, decide(candidate, chainKeys.get(i), codes.next(), group));
			}
		}
		write(group, outcomes);
		return List.of(outcomes);
	}

	private Decision decide(Candidate candidate, String chainKey, String transactionCode, Group group) {
		ReturnDocument document = candidate.document();
		Instant at = candidate.receivedAt();
		List<Finding> findings = new ArrayList<>(candidate.findings());
		List<ReturnChains.Member> accepted = group.accepted(chainKey);
		if (candidate.taxpayer().isPresent() && ContextFindings.mayQuoteOtherReturns(findings)) {
			findings.addAll(this.chains.check(document, accepted));
			findings.addAll(OtherReturns.check(document, group::accepted));
			FinalizedYear.check(document, group::accepted).ifPresent(findings::add);
			DateRanges.scopeOf(document)
				.flatMap((scope) -> DateRanges.check(document, chainKey, group.originals(scope)))
				.ifPresent(findings::add);
			InspectedPeriod.check(document, candidate.inspections(), ReturnChains.current(accepted))
				.ifPresent(findings::add);
		}
		ReturnStatus status = findings.stream().anyMatch((finding) -> finding.severity() != Severity.WARNING)
				? ReturnStatus.NOT_ACCEPTED : ReturnStatus.ACCEPTED;
		StoredReturn stored = stored(document, findings, status, at, transactionCode,
				new StoredReturn.FiledBy(candidate.filer(), candidate.filerRole()), candidate.extension());
		group.filed(candidate, stored, chainKey);
		if (status != ReturnStatus.ACCEPTED) {
			group.messages.add(OutboxMessage.of(ReturnAccepted.TOPIC, stored.mst(), ReturnRejected.of(stored, at)));
			return new Decision(candidate.filer(), stored, null);
		}
		Optional<ReturnChains.Member> superseded = ReturnChains.current(accepted);
		group.messages.add(OutboxMessage.of(ReturnAccepted.TOPIC, stored.mst(), ReturnAccepted.of(stored, at)));
		superseded.ifPresent((previous) -> group.messages.add(OutboxMessage.of(ReturnAccepted.TOPIC, stored.mst(),
				ReturnSuperseded.of(previous.id(), previous.transactionCode(), stored, at))));
		group.acceptedReturns.add(new AcceptedReturn(stored.id(), stored.transactionCode(), stored.mst(),
				candidate.taxpayer().orElseThrow().chapter(), document.header().period(),
				Deadlines.ruleOf(document.form(), document.header().period().kind()), document.form().payableIndicators(),
				document.form().annualTaxIndicators(), document.indicators(),
				superseded.map(ReturnChains.Member::indicators).orElse(Map.of()), at, stored.taxOfficeCode(),
				(candidate.extension() != null) ? candidate.extension().deadline() : null, ReturnChains.clawbackOf(document),
				accepted.stream().map(ReturnChains.Member::clawback).filter(Objects::nonNull).toList()));
		group.accept(chainKey, stored, document);
		return new Decision(candidate.filer(), stored, superseded.orElse(null));
	}

	private void write(Group group, Filed[] outcomes) {
		this.returns.insert(group.newReturns);
		this.idempotency.remember(group.keys);
		this.outbox.appendAll(group.messages);
		Map<UUID, List<PayableItem>> items = this.payableItems.createFor(group.acceptedReturns);
		List<ReturnEvents.Entry> lifecycle = new ArrayList<>();
		List<Notices.Notice> notices = new ArrayList<>();
		group.decided.forEach((position, decision) -> {
			StoredReturn stored = decision.stored();
			List<PayableItem> created = items.getOrDefault(stored.id(), List.of());
			lifecycle.addAll(decision.lifecycle(created));
			Receipt receipt = Receipt.of(stored.withPayableItems(created));
			notices.add(new Notices.Notice(decision.filer(), stored.mst(), stored.id(), receipt));
			outcomes[position] = new Filed.Received(stored.id(), receipt);
		});
		this.events.append(lifecycle);
		this.notices.issue(notices);
	}

	private static StoredReturn stored(ReturnDocument document, List<Finding> findings, ReturnStatus status,
			Instant receivedAt, String transactionCode, StoredReturn.FiledBy filedBy, @Nullable ExtendedDeadline extension) {
		ReturnHeader header = document.header();
		return new StoredReturn(TimeOrderedIds.next(), transactionCode, status, receivedAt, header.mst(),
				header.formCode(), header.maTKhai(), header.version(), header.filingType(), header.submissionNumber(),
				new StoredReturn.Period(header.period().kind(), header.period().value(), header.period().from(),
						header.period().to()),
				header.taxOfficeCode(), filedBy, document.sha256(), findings, List.of(), extension);
	}

	/**
	 * A return to file: received, and checked by the rules that need no lock.
	 * @param filer who files it: the token subject
	 * @param filerRole what the filer is: the token's role ({@code TAXPAYER}, {@code AGENT}, {@code TVAN})
	 * @param document the return
	 * @param findings what the form rules and context rules found
	 * @param taxpayer the registered taxpayer it names, if any (a return without one is not accepted)
	 * @param idempotencyKey the filer's key for it, if sent
	 * @param receivedAt its receipt timestamp
	 * @param extension the extension of its filing deadline in force at that moment, if any
	 * @param inspections the inspections at the taxpayer's premises its period is under at that moment, for a
	 * supplement
	 */
	record Candidate(String filer, String filerRole, ReturnDocument document, List<Finding> findings, Optional<Taxpayer> taxpayer,
			@Nullable String idempotencyKey, Instant receivedAt, @Nullable ExtendedDeadline extension,
			List<TaxInspection> inspections) {

	}

	/**
	 * A return decided in the transaction, to be written.
	 * @param filer who filed it
	 * @param stored the return
	 * @param supersedes the accepted return it supersedes, if any
	 */
	private record Decision(String filer, StoredReturn stored, ReturnChains.@Nullable Member supersedes) {

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

	/** The outcome of filing one return. */
	sealed interface Filed {

		/** The return filed now, or filed before for the same key or content. */
		UUID returnId();

		/**
		 * Filed now, with its receipt and acceptance notice.
		 * @param returnId the return
		 * @param receipt its receipt
		 */
		record Received(UUID returnId, Receipt receipt) implements Filed {

		}

		/**
		 * Filed before under the same key, or by the same filer with the same content and accepted: its
		 * original receipt answers.
		 * @param returnId the return filed before
		 */
		record Replayed(UUID returnId) implements Filed {

		}

		/**
		 * The key was used before for other content; nothing was filed.
		 * @param returnId the return filed under the key
		 */
		record Conflict(UUID returnId) implements Filed {

		}

	}

	/** What a group has decided so far, and the rows it will write. */
	private static final class Group {

		private final Map<String, List<ReturnChains.Member>> chains;

		/** The accepted originals of date-range forms by scope ({@link DateRanges#scopeOf}). */
		private final Map<String, List<DateRanges.Original>> originals;

		private final Map<String, Idempotency.Remembered> byKey = new HashMap<>();

		/** The accepted returns of this group by filer and content, as {@link Idempotency} finds stored ones. */
		private final Map<String, UUID> byContent = new HashMap<>();

		private final Map<Integer, Decision> decided = new TreeMap<>();

		private final List<ReturnRepository.NewReturn> newReturns = new ArrayList<>();

		private final List<Idempotency.Remembered> keys = new ArrayList<>();

		private final List<OutboxMessage> messages = new ArrayList<>();

		private final List<AcceptedReturn> acceptedReturns = new ArrayList<>();

		Group(Map<String, List<ReturnChains.Member>> chains, Map<String, List<DateRanges.Original>> originals) {
			this.chains = chains;
			this.originals = originals;
		}

		/** A return filed earlier in this group under the candidate's key. */
		Optional<Idempotency.Earlier> filedUnderKey(Candidate candidate) {
			return Optional.ofNullable(candidate.idempotencyKey())
				.map((key) -> this.byKey.get(candidate.filer() + "|" + key))
				.map((filed) -> new Idempotency.Earlier(filed.returnId(),
						filed.contentSha256().equals(candidate.document().sha256()), true));
		}

		/** A return of the candidate's filer and content accepted earlier in this group. */
		Optional<Idempotency.Earlier> filedWithContent(Candidate candidate) {
			return Optional.ofNullable(this.byContent.get(candidate.filer() + "|" + candidate.document().sha256()))
				.map((returnId) -> new Idempotency.Earlier(returnId, true, false));
		}

		/**
		 * Remembers the candidate's key, if it sent one, for a return filed before that answers it: a key
		 * names the filing it was first sent with, replayed or not, so that it recovers the receipt later
		 * and is a conflict with other content.
		 */
		void bind(Candidate candidate, UUID returnId) {
			remember(candidate, returnId, candidate.receivedAt());
		}

		List<ReturnChains.Member> accepted(String chainKey) {
			return this.chains.getOrDefault(chainKey, List.of());
		}

		List<DateRanges.Original> originals(String scope) {
			return this.originals.getOrDefault(scope, List.of());
		}

		void filed(Candidate candidate, StoredReturn stored, String chainKey) {
			this.newReturns.add(new ReturnRepository.NewReturn(stored, candidate.document(), chainKey, candidate.filer(),
					candidate.taxpayer().map(Taxpayer::taxOfficeCode).orElse(null)));
			if (stored.status() == ReturnStatus.ACCEPTED) {
				this.byContent.putIfAbsent(candidate.filer() + "|" + stored.contentSha256(), stored.id());
			}
			remember(candidate, stored.id(), stored.receivedAt());
		}

		private void remember(Candidate candidate, UUID returnId, Instant at) {
			String key = candidate.idempotencyKey();
			if (key != null) {
				Idempotency.Remembered remembered = new Idempotency.Remembered(candidate.filer(), key,
						candidate.document().sha256(), returnId, at);
				this.byKey.put(candidate.filer() + "|" + key, remembered);
				this.keys.add(remembered);
			}
		}

		void accept(String chainKey, StoredReturn stored, ReturnDocument document) {
			this.chains.computeIfAbsent(chainKey, (key) -> new ArrayList<>())
				.add(new ReturnChains.Member(stored.id(), stored.transactionCode(), stored.filingType(),
						stored.submissionNumber(), document.indicators(), ReturnChains.clawbackOf(document)));
			DateRanges.scopeOf(document)
				.ifPresent((scope) -> DateRanges.of(document, chainKey, stored.id(), stored.transactionCode())
					.ifPresent((original) -> this.originals.computeIfAbsent(scope, (key) -> new ArrayList<>()).add(original)));
		}

	}

}
