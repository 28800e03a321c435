package etax.declaration.submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import etax.declaration.extension.ExtendedDeadline;
import etax.declaration.inspection.TaxInspection;
import etax.declaration.taxpayer.Taxpayer;
import etax.declaration.taxpayer.TaxpayerRegistry;
import etax.schemas.Finding;
import etax.schemas.ReturnDocument;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.TransientDataAccessException;
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
 * (an original and its supplement in one request, or the same content twice): {@link FilingGroup} keeps what
 * they see, {@link ReturnDecisions} decides each, {@link FilingRecords} writes the group's rows.
 * A return filed before by another filer, or not accepted, is no answer to a filing: it is decided on its
 * merits (a second original of an accepted return is then not accepted, CTX-DUP-01, with a pointer to it).
 */
@Component
class ReturnFiling {

	private final Idempotency idempotency;

	private final ReturnChains chains;

	private final TransactionCodes transactionCodes;

	private final DateRanges dateRanges;

	private final ReturnDecisions decisions;

	private final FilingRecords records;

	private final TaxpayerRegistry registry;

	ReturnFiling(Idempotency idempotency, ReturnChains chains, TransactionCodes transactionCodes, DateRanges dateRanges,
			ReturnDecisions decisions, FilingRecords records, TaxpayerRegistry registry) {
		this.registry = registry;
		this.idempotency = idempotency;
		this.chains = chains;
		this.transactionCodes = transactionCodes;
		this.dateRanges = dateRanges;
		this.decisions = decisions;
		this.records = records;
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
		requireRegistrationsUnchanged(candidates, earlier);
		// by candidate: one replayed by an earlier one of the group takes none, and the next must not take the code
		// of its time (the code's year is the year the return was received in)
		List<Integer> toCode = new ArrayList<>();
		List<Instant> codesToIssue = new ArrayList<>();
		for (int i = 0; i < candidates.size(); i++) {
			if (earlier.get(i).isEmpty()) {
				toCode.add(i);
				codesToIssue.add(candidates.get(i).receivedAt());
			}
		}
		List<String> issued = this.transactionCodes.next(codesToIssue);
		Map<Integer, String> codes = new HashMap<>();
		for (int j = 0; j < toCode.size(); j++) {
			codes.put(toCode.get(j), issued.get(j));
		}
		FilingGroup group = new FilingGroup(this.chains.accepted(chainsToRead), this.dateRanges.accepted(rangesToRead));
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
				String code = Objects.requireNonNull(codes.get(i));
				group.decided(i, this.decisions.decide(candidate, chainKeys.get(i), code, group));
			}
		}
		this.records.write(group, outcomes);
		return List.of(outcomes);
	}

	/**
	 * Holds the registrations the returns to decide were checked against, and refuses the group if one changed
	 * since (a change of filing frequency, a status, an office registered while the return was checked): its
	 * findings would be of a registration no longer in force. The group is then filed return by return, and the
	 * return whose taxpayer changed is answered 503, to be filed again (with its key, decided once) and checked
	 * against the registration now in force; a registration that comes after waits for the group's commit, and sees
	 * its returns (a change of frequency is refused against a year with returns accepted at the other).
	 * @throws RegistrationChanged if a taxpayer's registration changed since its return was checked
	 */
	private void requireRegistrationsUnchanged(List<Candidate> candidates,
			List<Optional<Idempotency.Earlier>> earlier) {
		// each return against the registration it was checked against: two returns of one taxpayer in a group may
		// have been checked on either side of a change
		List<Taxpayer> checked = new ArrayList<>();
		for (int i = 0; i < candidates.size(); i++) {
			Optional<Taxpayer> taxpayer = candidates.get(i).taxpayer();
			if (earlier.get(i).isEmpty() && taxpayer.isPresent()) {
				checked.add(taxpayer.get());
			}
		}
		Map<String, Taxpayer> now = this.registry
			.heldForFiling(checked.stream().map(Taxpayer::mst).collect(Collectors.toSet()));
		for (Taxpayer taxpayer : checked) {
			Taxpayer registered = now.get(taxpayer.mst());
			if (registered == null || !registered.sameRegistration(taxpayer)) {
				throw new RegistrationChanged();
			}
		}
	}

	/** A taxpayer's registration changed while its return was checked: filed again, the return is checked anew. */
	static final class RegistrationChanged extends TransientDataAccessException {

		RegistrationChanged() {
			super("A taxpayer's registration changed while its return was checked: file it again");
		}

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

}
