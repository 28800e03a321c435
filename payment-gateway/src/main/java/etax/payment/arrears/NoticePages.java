package etax.payment.arrears;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import etax.access.RedactedException;
import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues the notices of a page of taxpayers: stored, and announced through the outbox, in transactions of a bounded
 * number of items ({@link ArrearsProperties#pageItems}), each taxpayer's counted first ({@link OverdueItems#counted});
 * a taxpayer with more than that has a transaction of its own. A group that fails is issued again one taxpayer at a
 * time, each in a transaction of its own, so that a taxpayer whose notice cannot be issued (a value PostgreSQL
 * refuses, a row the code does not expect) holds back neither the others of its page nor, the run going on past it,
 * any later taxpayer. The database's own trouble (unreachable, a lock or a transaction not granted) is thrown
 * instead: every taxpayer would fail alike, and the run stops.
 */
final class NoticePages {

	private static final Logger log = LoggerFactory.getLogger(NoticePages.class);

	private final ArrearsNoticeRepository notices;

	private final OverdueItems items;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int pageItems;

	NoticePages(ArrearsNoticeRepository notices, OverdueItems items, Outbox outbox, TransactionTemplate transactions,
			Clock clock, int pageItems) {
		this.notices = notices;
		this.items = items;
		this.outbox = outbox;
		this.transactions = transactions;
		this.clock = clock;
		this.pageItems = pageItems;
	}

	/**
	 * Issues the month's notices of the taxpayers that have none yet, in groups of at most {@code pageItems} items:
	 * those that have one (a run before issued them) are not counted.
	 */
	ArrearsNotices.Issuance issue(YearMonth month, List<String> msts) {
		Set<String> issued = this.notices.issued(msts, month.toString());
		List<String> waiting = msts.stream().filter((mst) -> !issued.contains(mst)).toList();
		ArrearsNotices.Issuance run = new ArrearsNotices.Issuance(0, 0);
		if (waiting.isEmpty()) {
			return run;
		}
		Map<String, Long> counted = this.items.counted(waiting, month.atEndOfMonth());
		for (List<String> group : groups(waiting, counted, this.pageItems)) {
			run = run.plus(issueGroup(month, group));
		}
		return run;
	}

	/**
	 * The taxpayers in groups, in their order: a group takes the next taxpayer while its items fit in the limit, and
	 * a taxpayer with more items than that has a group of its own.
	 * @param items each taxpayer's items, none if absent
	 */
	static List<List<String>> groups(List<String> msts, Map<String, Long> items, long limit) {
		List<List<String>> groups = new ArrayList<>();
		List<String> group = new ArrayList<>();
		long held = 0;
		for (String mst : msts) {
			long count = items.getOrDefault(mst, 0L);
			if (!group.isEmpty() && held + count > limit) {
				groups.add(List.copyOf(group));
				group = new ArrayList<>();
				held = 0;
			}
			group.add(mst);
			held += count;
		}
		if (!group.isEmpty()) {
			groups.add(List.copyOf(group));
		}
		return groups;
	}

	/** Issues a group's notices in one transaction, or, if that fails, one taxpayer at a time. */
	private ArrearsNotices.Issuance issueGroup(YearMonth month, List<String> msts) {
		try {
			return new ArrearsNotices.Issuance(inTransaction(month, msts), 0);
		}
		catch (RuntimeException ex) {
			if (databaseTrouble(ex)) {
				throw ex;
			}
			log.warn("A group of arrears notices failed, issuing it one taxpayer at a time month={} taxpayers={} "
					+ "failure={}", month, msts.size(), RedactedException.describe(ex));
		}
		int issued = 0;
		int failed = 0;
		for (String mst : msts) {
			try {
				issued += inTransaction(month, List.of(mst));
			}
			catch (RuntimeException ex) {
				if (databaseTrouble(ex)) {
					throw ex;
				}
				failed++;
				log.error("An arrears notice could not be issued, the next run tries it again month={}", month,
						RedactedException.of(ex));
			}
		}
		return new ArrearsNotices.Issuance(issued, failed);
	}

	/**
	 * Issues the notices of the taxpayers that have none yet, in a transaction: those that have one (a run before
	 * issued them) are not read again, and one issued meanwhile by another run is not stored twice.
	 */
	private int inTransaction(YearMonth month, List<String> msts) {
		return Objects.requireNonNull(this.transactions.execute((status) -> {
			Set<String> issued = this.notices.issued(msts, month.toString());
			List<String> taxpayers = msts.stream().filter((mst) -> !issued.contains(mst)).toList();
			if (taxpayers.isEmpty()) {
				return 0;
			}
			Instant now = this.clock.instant();
			List<ArrearsNotice> owed = this.items.owed(taxpayers, month.atEndOfMonth())
				.entrySet()
				.stream()
				.map((taxpayer) -> ArrearsNotice.of(taxpayer.getKey(), month, now, taxpayer.getValue()))
				.toList();
			Set<String> inserted = this.notices.insert(owed);
			this.outbox.appendAll(owed.stream()
				.filter((notice) -> inserted.contains(notice.mst()))
				.flatMap((notice) -> ArrearsNotified.parts(notice).stream())
				.map((part) -> OutboxMessage.of(ArrearsNotified.TOPIC, part.mst(), part))
				.toList());
			return inserted.size();
		}));
	}

	private static boolean databaseTrouble(RuntimeException ex) {
		return ex instanceof TransientDataAccessException || ex instanceof DataAccessResourceFailureException
				|| ex instanceof TransactionException;
	}

}
