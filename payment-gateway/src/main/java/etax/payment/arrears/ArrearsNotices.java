package etax.payment.arrears;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues the month's notices of tax arrears and late-payment interest (07/QLN; VN-ETAX §5.6): each morning until they
 * are all issued, for the month before, one notice to each taxpayer with an item overdue and unpaid at the month's end or
 * interest unpaid, stored and announced ({@link ArrearsNotified}) in one transaction per page of taxpayers. A month
 * is issued once per taxpayer: issuing it again, on demand or on two instances at once, issues only the notices of
 * taxpayers who had none, so a run that stopped half-way is finished by the next.
 */
@Service
public class ArrearsNotices {

	private static final Logger log = LoggerFactory.getLogger(ArrearsNotices.class);

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** Taxpayers per transaction. */
	private static final int PAGE = 500;

	/**
	 * Days after a month's end before its notices are issued: interest of the month's last day is assessed in the
	 * interest job's run two nights later (it assesses through the day before yesterday), and a payment debited on
	 * that day may be confirmed the next. Issued on the first, a notice lacked the last day's interest, and stayed so.
	 */
	static final int SETTLE_DAYS = 2;

	private final ArrearsNoticeRepository notices;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ArrearsNotices(ArrearsNoticeRepository notices, Outbox outbox, PlatformTransactionManager transactionManager,
			Clock clock) {
		this.notices = notices;
		this.outbox = outbox;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Every morning: the month before's notices, until they are all issued. The first morning the month is settled
	 * ({@link #over}, the third of the next) issues them; the others find the month done, unless its run was missed or
	 * stopped half-way.
	 */
	@Scheduled(cron = "${etax.payment.arrears.notices-cron:0 0 6 * * *}", zone = "Asia/Ho_Chi_Minh")
	void daily() {
		YearMonth month = YearMonth.now(this.clock.withZone(VIETNAM)).minusMonths(1);
		if (over(month) && !this.notices.completed(month.toString())) {
			log.info("Issued arrears notices month={} notices={}", month, issue(month));
		}
	}

	/**
	 * Issues a month's notices not issued yet.
	 * @param month a month that is over ({@link #over})
	 * @return how many were issued now
	 * @throws IllegalArgumentException if the month is not over
	 */
	public int issue(YearMonth month) {
		if (!over(month)) {
			throw new IllegalArgumentException("the month is not over");
		}
		LocalDate asOf = month.atEndOfMonth();
		int issued = 0;
		List<String> page = this.notices.inArrears("", asOf, PAGE);
		while (!page.isEmpty()) {
			List<String> msts = page;
			issued += Objects.requireNonNull(this.transactions.execute((status) -> issue(month, msts)));
			page = this.notices.inArrears(msts.get(msts.size() - 1), asOf, PAGE);
		}
		this.notices.complete(month.toString(), this.clock.instant());
		return issued;
	}

	/**
	 * Whether a month is over in Vietnam and settled ({@link #SETTLE_DAYS} after its end), so that its notices may be
	 * issued: from the third of the next month.
	 */
	public boolean over(YearMonth month) {
		return month.atEndOfMonth().plusDays(SETTLE_DAYS).isBefore(LocalDate.now(this.clock.withZone(VIETNAM)));
	}

	/**
	 * A taxpayer's notices of the latest months, newest first; the caller checked that it may read them.
	 * @param mst the taxpayer
	 * @param months how many of the latest months, the month before this one the latest (this month's notice is
	 * issued next month; a debtor of years has a notice a month, each listing its items)
	 */
	public List<ArrearsNotice> of(String mst, int months) {
		return this.notices.since(mst, before(months));
	}

	/** The month before the latest {@code months} months with notices: the month before this one is the latest. */
	YearMonth before(int months) {
		return YearMonth.now(this.clock.withZone(VIETNAM)).minusMonths(months + 1L);
	}

	private int issue(YearMonth month, List<String> msts) {
		Instant now = this.clock.instant();
		Map<String, List<ArrearsNotice.Item>> owed = this.notices.owed(msts, month.atEndOfMonth());
		List<ArrearsNotice> notices = owed.entrySet()
			.stream()
			.map((taxpayer) -> ArrearsNotice.of(taxpayer.getKey(), month, now, taxpayer.getValue()))
			.toList();
		Set<String> inserted = this.notices.insert(notices);
		this.outbox.appendAll(notices.stream()
			.filter((notice) -> inserted.contains(notice.mst()))
			.flatMap((notice) -> ArrearsNotified.parts(notice).stream())
			.map((part) -> OutboxMessage.of(ArrearsNotified.TOPIC, part.mst(), part))
			.toList());
		return inserted.size();
	}

}
