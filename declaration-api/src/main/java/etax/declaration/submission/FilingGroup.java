package etax.declaration.submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import etax.declaration.payable.AcceptedReturn;
import etax.declaration.taxpayer.Taxpayer;
import etax.outbox.OutboxMessage;
import etax.schemas.ReturnDocument;

/**
 * What a group of returns filed in one transaction ({@link ReturnFiling}) has decided so far, and the rows it will
 * write ({@link FilingRecords}). Each return is decided seeing the ones before it: the chains and date ranges read
 * under the group's locks grow with the returns it accepts, and a key or content filed earlier in the group answers
 * a later filing as a stored one would ({@link Idempotency}).
 */
final class FilingGroup {

	private final Map<String, List<ReturnChains.Member>> chains;

	/** The accepted originals of date-range forms by scope ({@link DateRanges#scopeOf}). */
	private final Map<String, List<DateRanges.Original>> originals;

	private final Map<FilerKey, Idempotency.Remembered> byKey = new HashMap<>();

	/** The accepted returns of this group by filer and content, as {@link Idempotency} finds stored ones. */
	private final Map<FilerKey, UUID> byContent = new HashMap<>();

	private final Map<Integer, DecidedReturn> decided = new TreeMap<>();

	private final List<ReturnRepository.NewReturn> newReturns = new ArrayList<>();

	private final List<Idempotency.Remembered> keys = new ArrayList<>();

	private final List<OutboxMessage> messages = new ArrayList<>();

	private final List<AcceptedReturn> acceptedReturns = new ArrayList<>();

	/**
	 * @param chains the accepted returns of the chains the group's returns read, by chain key
	 * @param originals the accepted originals of the date-range scopes they read, by scope
	 */
	FilingGroup(Map<String, List<ReturnChains.Member>> chains, Map<String, List<DateRanges.Original>> originals) {
		this.chains = chains;
		this.originals = originals;
	}

	/** A return filed earlier in this group under the candidate's key. */
	Optional<Idempotency.Earlier> filedUnderKey(ReturnFiling.Candidate candidate) {
		return Optional.ofNullable(candidate.idempotencyKey())
			.map((key) -> this.byKey.get(new FilerKey(candidate.filer(), key)))
			.map((filed) -> new Idempotency.Earlier(filed.returnId(),
					filed.contentSha256().equals(candidate.document().sha256()), true));
	}

	/** A return of the candidate's filer and content accepted earlier in this group. */
	Optional<Idempotency.Earlier> filedWithContent(ReturnFiling.Candidate candidate) {
		return Optional.ofNullable(this.byContent.get(new FilerKey(candidate.filer(), candidate.document().sha256())))
			.map((returnId) -> new Idempotency.Earlier(returnId, true, false));
	}

	/**
	 * Remembers the candidate's key, if it sent one, for a return filed before that answers it: a key
	 * names the filing it was first sent with, replayed or not, so that it recovers the receipt later
	 * and is a conflict with other content.
	 */
	void bind(ReturnFiling.Candidate candidate, UUID returnId) {
		remember(candidate, returnId, candidate.receivedAt());
	}

	List<ReturnChains.Member> accepted(String chainKey) {
		return this.chains.getOrDefault(chainKey, List.of());
	}

	List<DateRanges.Original> originals(String scope) {
		return this.originals.getOrDefault(scope, List.of());
	}

	/** Records the candidate's return, accepted or not, as decided: its row, and its key and content to answer. */
	void filed(ReturnFiling.Candidate candidate, StoredReturn stored, String chainKey) {
		this.newReturns.add(new ReturnRepository.NewReturn(stored, candidate.document(), chainKey, candidate.filer(),
				candidate.taxpayer().map(Taxpayer::taxOfficeCode).orElse(null)));
		if (stored.status() == ReturnStatus.ACCEPTED) {
			this.byContent.putIfAbsent(new FilerKey(candidate.filer(), stored.contentSha256()), stored.id());
		}
		remember(candidate, stored.id(), stored.receivedAt());
	}

	private void remember(ReturnFiling.Candidate candidate, UUID returnId, Instant at) {
		String key = candidate.idempotencyKey();
		if (key != null) {
			Idempotency.Remembered remembered = new Idempotency.Remembered(candidate.filer(), key,
					candidate.document().sha256(), returnId, at);
			this.byKey.put(new FilerKey(candidate.filer(), key), remembered);
			this.keys.add(remembered);
		}
	}

	/** An event to announce when the group commits. */
	void announce(OutboxMessage message) {
		this.messages.add(message);
	}

	/**
	 * Adds an accepted return to its chain and, for a date-range form, to its scope's originals, so that the
	 * returns after it in the group are decided against it; its payable items are created with the group's.
	 * @param payable what its payable items are created from
	 */
	void accept(String chainKey, StoredReturn stored, ReturnDocument document, AcceptedReturn payable) {
		this.acceptedReturns.add(payable);
		this.chains.computeIfAbsent(chainKey, (key) -> new ArrayList<>())
			.add(new ReturnChains.Member(stored.id(), stored.transactionCode(), stored.filingType(),
					stored.submissionNumber(), document.indicators(), ReturnChains.clawbackOf(document),
					(stored.extension() != null) ? stored.extension().deadline() : null));
		DateRanges.scopeOf(document)
			.ifPresent((scope) -> DateRanges.of(document, chainKey, stored.id(), stored.transactionCode())
				.ifPresent((original) -> this.originals.computeIfAbsent(scope, (key) -> new ArrayList<>()).add(original)));
	}

	/** Records the decision of the return at a position of the group. */
	void decided(int position, DecidedReturn decision) {
		this.decided.put(position, decision);
	}

	/** The returns decided, by position in the group, in order. */
	Map<Integer, DecidedReturn> decided() {
		return this.decided;
	}

	List<ReturnRepository.NewReturn> newReturns() {
		return this.newReturns;
	}

	/** The idempotency keys to remember. */
	List<Idempotency.Remembered> keys() {
		return this.keys;
	}

	List<OutboxMessage> messages() {
		return this.messages;
	}

	List<AcceptedReturn> acceptedReturns() {
		return this.acceptedReturns;
	}

	/**
	 * A filer's key or content, apart: a subject and a key are both free text, and joined they could name another
	 * filer's.
	 */
	private record FilerKey(String filer, String value) {

	}

}
