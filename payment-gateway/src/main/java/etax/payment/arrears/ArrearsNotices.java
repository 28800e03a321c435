package etax.payment.arrears;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import etax.access.RedactedException;
import etax.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues the month's notices of tax arrears and late-payment interest (07/QLN; VN-ETAX §5.6): one notice to each
 * taxpayer that owed, at the month's end, an item then overdue ({@link OverdueItems}), stored and announced
 * ({@link ArrearsNotified}) in one transaction per group of taxpayers, bounded by their items
 * ({@link ArrearsProperties#pageItems}). A month is issued once per taxpayer: issuing it
 * again, on demand or on two instances at once, issues only the notices of taxpayers who had none, so a run that
 * stopped half-way is finished by the next. The amounts are those of the month's end, as the ledger knows them when
 * the notice is issued: a payment made after the month's end does not take a debt of the month off its notice, so a
 * month may be issued late, by the schedule or by an officer.
 */
@Service
public class ArrearsNotices {

	private static final Logger log = LoggerFactory.getLogger(ArrearsNotices.class);

	/**
	 * Taxpayers per page, read at once; a page is issued in transactions of at most
	 * {@link ArrearsProperties#pageItems} items ({@link NoticePages}).
	 */
	private static final int PAGE = 500;

	private final ArrearsNoticeRepository notices;

	private final OverdueItems items;

	private final NoticePages pages;

	private final ArrearsMonths months;

	private final Clock clock;

	ArrearsNotices(ArrearsNoticeRepository notices, OverdueItems items, Outbox outbox,
			PlatformTransactionManager transactionManager, Clock clock, ArrearsProperties properties) {
		this.notices = notices;
		this.items = items;
		this.pages = new NoticePages(notices, items, outbox, new TransactionTemplate(transactionManager), clock,
				properties.pageItems());
		this.months = new ArrearsMonths(clock);
		this.clock = clock;
	}

	/**
	 * Every morning: the notices of each month not completed ({@link #unfinished}), oldest first. The first morning a
	 * month is settled ({@link #over}, the third of the next) issues it; the others find it done, unless its run was
	 * missed or stopped half-way, or some taxpayers' notices failed. A month that fails stops none of the others.
	 */
	@Scheduled(cron = "${etax.payment.arrears.notices-cron:0 0 6 * * *}", zone = "Asia/Ho_Chi_Minh")
	void daily() {
		for (YearMonth month : unfinished()) {
			try {
				Issuance run = issue(month);
				log.info("Issued arrears notices month={} notices={} failed={}", month, run.issued(), run.failed());
			}
			catch (RuntimeException ex) {
				log.error("Arrears notices of a month stopped, the next morning goes on month={}", month,
						RedactedException.of(ex));
			}
		}
	}

	/**
	 * The months whose notices the daily run issues, oldest first: those not completed from
	 * {@link ArrearsMonths#since} to the latest month that is over.
	 */
	List<YearMonth> unfinished() {
		YearMonth latest = this.months.latestOver();
		YearMonth from = ArrearsMonths.since(this.notices.firstMonth().map(YearMonth::parse).orElse(null), latest);
		Set<String> completed = this.notices.completedSince(from.toString());
		return Stream.iterate(from, (month) -> !month.isAfter(latest), (month) -> month.plusMonths(1))
			.filter((month) -> !completed.contains(month.toString()))
			.toList();
	}

	/**
	 * Issues a month's notices not issued yet, each stating what the taxpayer owed at the month's end, a page of
	 * taxpayers at a time, each page in transactions of a bounded number of items. A group of taxpayers that fails is
	 * issued again one taxpayer at a time, so that a taxpayer whose notice cannot be issued
	 * holds back no other; the month is then not completed, and the next morning tries those taxpayers again. A
	 * failure of the database itself stops the run.
	 * @param month a month that is over ({@link #over})
	 * @return how many were issued now, and how many taxpayers failed
	 * @throws ArrearsMonthNotOverException if the month is not over
	 */
	public Issuance issue(YearMonth month) {
		if (!over(month)) {
			throw ArrearsMonthNotOverException.forMonth(month);
		}
		this.notices.start(month.toString(), this.clock.instant());
		Issuance run = new Issuance(0, 0);
		List<String> page = this.items.inArrears("", month.atEndOfMonth(), PAGE);
		while (!page.isEmpty()) {
			run = run.plus(this.pages.issue(month, page));
			page = this.items.inArrears(page.get(page.size() - 1), month.atEndOfMonth(), PAGE);
		}
		if (run.failed() == 0) {
			this.notices.complete(month.toString(), this.clock.instant());
		}
		return run;
	}

	/**
	 * Whether a month is over in Vietnam and settled, so that its notices may be issued: from the third of the next
	 * month, once its last day's interest is assessed.
	 */
	public boolean over(YearMonth month) {
		return this.months.over(month);
	}

	/**
	 * A taxpayer's notices of the latest months, newest first; the caller checked that it may read them.
	 * @param mst the taxpayer
	 * @param months how many of the latest months, the month before this one the latest (this month's notice is
	 * issued next month; a debtor of years has a notice a month, each listing its items)
	 */
	public List<ArrearsNotice> of(String mst, int months) {
		return this.notices.since(mst, this.months.before(months));
	}

	/**
	 * A page of the items of a taxpayer's notice of a month; the caller checked that it may read them.
	 * @throws ArrearsNoticeNotFoundException when the taxpayer has no notice of the month
	 */
	public List<ArrearsNotice.Item> items(String mst, YearMonth month, int page, int size) {
		return this.notices.items(mst, month, page, size).orElseThrow(() -> new ArrearsNoticeNotFoundException(month));
	}

	/**
	 * What a run of a month did.
	 * @param issued the notices issued now
	 * @param failed the taxpayers whose notice could not be issued (the month is not completed, and the next morning
	 * tries them again)
	 */
	public record Issuance(int issued, int failed) {

		Issuance plus(Issuance other) {
			return new Issuance(this.issued + other.issued, this.failed + other.failed);
		}

	}

}
