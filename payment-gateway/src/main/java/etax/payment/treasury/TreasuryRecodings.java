package etax.payment.treasury;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;
import etax.payment.treasury.RecodingRequested.PaidLine;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks the treasury to re-code money the ledger moved from one sub-item to another
 * ({@link RecodingRequested}, {@code PostingRequested} version 2), and remembers each request until the treasury
 * acks it, like any posting: overdue and refused re-codings are listed for officers with the others, and one
 * POSTED moves the money between the sub-items of the treasury's account in the ledger.
 */
@Service
public class TreasuryRecodings {

	private final Outbox outbox;

	private final PostingRepository postings;

	private final Clock clock;

	TreasuryRecodings(Outbox outbox, PostingRepository postings, Clock clock) {
		this.outbox = outbox;
		this.postings = postings;
		this.clock = clock;
	}

	/**
	 * Requests the re-codings, in the caller's transaction (the one that moved the money in the ledger), so they
	 * are committed with it or not at all; the outbox sends them after the commit.
	 * @param recodings the re-codings, each of a payment line the gateway recorded
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void request(List<Recoding> recodings) {
		if (recodings.isEmpty()) {
			return;
		}
		Set<UUID> paidWith = recodings.stream().map(Recoding::paidWith).collect(Collectors.toSet());
		Map<UUID, PaidLine> lines = this.postings.paidLines(paidWith);
		List<RecodingRequested> requests = new ArrayList<>(recodings.size());
		List<OutboxMessage> messages = new ArrayList<>(recodings.size());
		for (Recoding recoding : recodings) {
			PaidLine line = Objects.requireNonNull(lines.get(recoding.paidWith()),
					"every credit comes from a recorded payment line");
			RecodingRequested request = RecodingRequested.of(recoding, line);
			requests.add(request);
			messages.add(OutboxMessage.of(PostingRequested.TOPIC, recoding.mst(), request));
		}
		this.postings.insertRecodings(requests, this.clock.instant());
		this.outbox.appendAll(messages);
	}

}
