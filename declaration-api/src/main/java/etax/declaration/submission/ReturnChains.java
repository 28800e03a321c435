package etax.declaration.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import etax.schemas.Category;
import etax.schemas.Finding;
import etax.schemas.FormCatalog;
import etax.schemas.FormVersion;
import etax.schemas.RefundClawback;
import etax.schemas.ReturnDocument;
import etax.schemas.ReturnHeader;
import etax.schemas.Severity;
import etax.schemas.TaxPeriod;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static etax.declaration.submission.ContextFindings.finding;

/**
 * Originals and supplements (VN-ETAX.md §1.4, §3.6 R-DUP-1, R-DUP-2): the returns of one taxpayer, form,
 * period, activity and dependent unit form a chain. A second original is rejected with a pointer to the
 * accepted one; a supplement needs an accepted original and the next submission number, a replacement (T)
 * an accepted original; either supersedes the return in force, the latest accepted ({@link #current}). Filings of one
 * chain are serialised by a transaction-scoped advisory lock, so two concurrent originals cannot both be
 * accepted.
 */
@Component
class ReturnChains {

	private static final TypeReference<Map<String, String>> INDICATORS = new TypeReference<>() {
	};

	private static final String ACTIVITY = "ma_NganhNghe";

	/** The period kinds named by their bounds, not by {@code kyKKhai}. */
	private static final Set<String> DATE_RANGES = Set.of("K", "N");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ReturnChains(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * The chain key, stored with each return: MST, form, period kind and value ({@link #periodOf}), then the activity code and the
	 * dependent unit or business location where the form defines them ({@link FormCatalog#chainFields}; the
	 * [10] of another form, often an amount, is not part of it). A unit is named by its MST [10], the taxpayer's own
	 * MST in [10] being no unit ({@link DependentUnit#keyPart}). Returns stored before V14 were re-keyed by that
	 * migration the same way.
	 */
	static String keyOf(ReturnDocument document) {
		TaxPeriod period = document.header().period();
		return keyOf(document, period.kind(), periodOf(period));
	}

	/**
	 * What names the period in a chain key: {@code kyKKhai}, or for a free date range (K, N), whose
	 * {@code kyKKhai} is empty, its declared bounds {@code dd/MM/yyyy-dd/MM/yyyy} (VN-ETAX.md §1.3): each fiscal
	 * period or contract is a chain of its own. Returns stored before V16 were re-keyed by it the same way.
	 */
	static String periodOf(TaxPeriod period) {
		if (!DATE_RANGES.contains(period.kind())) {
			return period.value();
		}
		return day(period.from()) + "-" + day(period.to());
	}

	private static String day(@Nullable LocalDate day) {
		return (day != null) ? DAY.format(day) : "";
	}

	/** The key of the chain of the same taxpayer, form, activity and unit in another period. */
	static String keyOf(ReturnDocument document, String periodKind, String periodValue) {
		ReturnHeader header = document.header();
		List<String> fields = FormCatalog.load().chainFields(document.form().maTKhai(), document.form().version());
		String activity = fields.contains(ACTIVITY) ? document.indicators().getOrDefault(ACTIVITY, "") : "";
		return String.join("|", header.mst(), header.formCode(), periodKind, periodValue, activity,
				DependentUnit.keyPart(document, fields));
	}

	/** The advisory lock that serialises the filings of one chain, taken by {@link Idempotency#lockAndFind}. */
	static String lockName(String chainKey) {
		return "chain|" + chainKey;
	}

	/**
	 * The order in which a chain's returns were decided: that of their transaction codes' numbers, which one
	 * sequence issues under the chain's lock. Not the postmark's: a return received first may be decided second
	 * (two filings of one chain at once), and a sandbox postmark is whatever the filer sends; the return in force is
	 * the one decided last.
	 */
	static final String DECISION_ORDER = "right(transaction_code, 10)";

	/** When the return in force of a chain was received, if it has one. */
	Optional<Instant> inForceReceivedAt(String chainKey) {
		return this.jdbc.sql("SELECT received_at FROM filing.tax_return WHERE chain_key = ? AND status = 'ACCEPTED' "
				+ "ORDER BY " + DECISION_ORDER + " DESC LIMIT 1")
			.param(chainKey)
			.query((row, n) -> row.getTimestamp(1).toInstant())
			.optional();
	}

	/** The accepted returns of a chain, in the order decided ({@link #current}). */
	List<Member> accepted(String chainKey) {
		return accepted(List.of(chainKey)).getOrDefault(chainKey, List.of());
	}

	/**
	 * The accepted returns of each of these chains that has any, in the order decided ({@link #DECISION_ORDER});
	 * one round trip.
	 */
	Map<String, List<Member>> accepted(Collection<String> chainKeys) {
		if (chainKeys.isEmpty()) {
			return new HashMap<>();
		}
		return members("WHERE chain_key = ANY(?) AND status = 'ACCEPTED' ORDER BY chain_key, " + DECISION_ORDER,
				List.of((Object) chainKeys.toArray(String[]::new)));
	}

	/**
	 * The accepted returns of each chain of a taxpayer's form and period, whatever its activity and dependent unit
	 * ({@link #keyOf}), in the order decided; the chain whose original was decided first comes first.
	 * @param mst the taxpayer
	 * @param formCode the form's code, which the chains of its generations share
	 * @param period the period, well formed
	 * @return the chains that have accepted returns, by key
	 */
	Map<String, List<Member>> acceptedOfPeriod(String mst, String formCode, TaxPeriod period) {
		String prefix = String.join("|", mst, formCode, period.kind(), periodOf(period)) + "|";
		// the form's codes of every generation and the declared period narrow the read to the index on (mst,
		// ma_tkhai, period_value): no index serves a key's prefix, and a large filer has thousands of returns
		String[] maTKhai = FormCatalog.load()
			.versions()
			.stream()
			.filter((version) -> version.formCode().equals(formCode))
			.map(FormVersion::maTKhai)
			.distinct()
			.toArray(String[]::new);
		if (DATE_RANGES.contains(period.kind())) {
			// a date range's kyKKhai is not part of its key: its bounds are
			return members("WHERE mst = ? AND ma_tkhai = ANY(?) AND status = 'ACCEPTED' AND starts_with(chain_key, ?)"
					+ " ORDER BY " + DECISION_ORDER, List.of(mst, maTKhai, prefix));
		}
		return members("WHERE mst = ? AND ma_tkhai = ANY(?) AND period_value = ? AND status = 'ACCEPTED'"
				+ " AND starts_with(chain_key, ?) ORDER BY " + DECISION_ORDER,
				List.of(mst, maTKhai, period.value(), prefix));
	}

	private Map<String, List<Member>> members(String where, List<?> params) {
		Map<String, List<Member>> chains = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT chain_key, id, transaction_code, filing_type, submission_number, indicators::text, clawback_amount,
				    clawback_sub_item, clawback_received_on, extension_deadline
				FROM filing.tax_return
				""" + where)
			.params(params)
			.query((row, n) -> chains.computeIfAbsent(row.getString(1), (key) -> new ArrayList<>())
				.add(new Member(row.getObject(2, UUID.class), row.getString(3), row.getString(4), row.getInt(5),
						this.json.readValue(row.getString(6), INDICATORS),
						(row.getLong(7) > 0) ? new RefundClawback(row.getLong(7), row.getString(8),
								row.getObject(9, LocalDate.class)) : null,
						row.getObject(10, LocalDate.class))))
			.list();
		return chains;
	}

	/**
	 * The extended deadline a chain's original was held to, if any: what a supplement adds is due on it, as the
	 * original's items were, and so is tax an inspection assesses on the period (an extension granted or revoked
	 * since moves neither).
	 * @param accepted the chain's accepted returns, in the order decided ({@link #accepted}), not empty: the first is
	 * its original
	 * @return the deadline; none: the period's regular deadline
	 */
	static @Nullable LocalDate originalHeldTo(List<Member> accepted) {
		return accepted.get(0).heldTo();
	}

	/**
	 * The refund a return pays back, as its chain keeps it: that of a supplement's summary (01/KHBS section B,
	 * VN-ETAX.md §1.4), none for an original or a replacement.
	 */
	static @Nullable RefundClawback clawbackOf(ReturnDocument document) {
		return "B".equals(document.header().filingType()) ? document.refundClawback() : null;
	}

	List<Finding> check(ReturnDocument document, List<Member> accepted) {
		ReturnHeader header = document.header();
		List<Finding> findings = new ArrayList<>();
		Optional<Member> original = accepted.stream().filter((member) -> "C".equals(member.filingType())).findFirst();
		if ("C".equals(header.filingType())) {
			original.ifPresent((member) -> findings.add(finding("CTX-DUP-01", Category.DUPLICATE_CONDITION,
					Severity.REJECT, ContextFindings.FILING_TYPE, member.transactionCode(),
					"Đã có tờ khai lần đầu được chấp nhận cho kỳ này (mã giao dịch " + member.transactionCode() + ").",
					"An original return for this period was already accepted (transaction code "
							+ member.transactionCode() + ", return " + member.id() + ").",
					"Nộp tờ khai bổ sung (loại B) để điều chỉnh.", "File a supplementary return (type B) to correct it.")));
			if (header.submissionNumber() != 0) {
				findings.add(submissionNumber(header, 0));
			}
			return findings;
		}
		if (original.isEmpty()) {
			findings.add(finding("CTX-DUP-02", Category.DUPLICATE_CONDITION, Severity.REJECT, ContextFindings.FILING_TYPE,
					header.filingType(), "Chưa có tờ khai lần đầu được chấp nhận để bổ sung.",
					"There is no accepted original return to supplement.",
					"Nộp tờ khai lần đầu (loại C) trước.", "File the original return (type C) first."));
			return findings;
		}
		List<Member> originals = accepted.stream().filter((member) -> "C".equals(member.filingType())).toList();
		if (originals.size() > 1) {
			findings.add(originalsToSettle(originals));
			return findings;
		}
		Member inForce = current(accepted).orElseThrow();
		int expected = accepted.stream().mapToInt(Member::submissionNumber).max().orElse(0) + 1;
		if ("B".equals(header.filingType()) && header.submissionNumber() != expected) {
			findings.add(submissionNumber(header, expected));
		}
		findings.addAll(SupplementExplanation.check(document, inForce));
		findings.addAll(ChainClawbacks.check(clawbackOf(document), accepted));
		return findings;
	}

	/**
	 * The return in force: the last accepted, original, supplement or replacement alike. Replacements
	 * (type T) all carry {@code soLan} 0, so the submission number cannot tell them apart; the order decided
	 * can, and is the same on every replica.
	 * @param accepted the chain's accepted returns, in the order decided ({@link #accepted})
	 * @return the last of them, if any
	 */
	static Optional<Member> current(List<Member> accepted) {
		return accepted.isEmpty() ? Optional.empty() : Optional.of(accepted.get(accepted.size() - 1));
	}

	/**
	 * CTX-DUP-16: a chain with two accepted originals, which V34 (and V14, V31 before it) made of chains an alias had
	 * kept apart: which of them a supplement corrects, and so what it adds, is the tax office's to settle first.
	 */
	private static Finding originalsToSettle(List<Member> originals) {
		String codes = String.join(", ", originals.stream().map(Member::transactionCode).toList());
		return finding("CTX-DUP-16", Category.DUPLICATE_CONDITION, Severity.REJECT, ContextFindings.FILING_TYPE, codes,
				"Kỳ này có " + originals.size() + " tờ khai lần đầu được chấp nhận (mã giao dịch " + codes
						+ "): cơ quan thuế xác định tờ khai nào có hiệu lực trước khi nhận tờ khai bổ sung.",
				"This period has " + originals.size() + " accepted original returns (transaction codes " + codes
						+ "): the tax office settles which one stands before a supplement is accepted.",
				"Liên hệ cơ quan thuế quản lý để xác định tờ khai lần đầu có hiệu lực, rồi nộp lại tờ khai bổ sung.",
				"Ask the tax office that manages the taxpayer to settle which original stands, then file the supplement "
						+ "again.");
	}

	private static Finding submissionNumber(ReturnHeader header, int expected) {
		return finding("CTX-DUP-03", Category.DUPLICATE_CONDITION, Severity.REJECT, ContextFindings.SUBMISSION_NUMBER,
				String.valueOf(header.submissionNumber()), "Số lần bổ sung phải là " + expected + ".",
				"The submission number must be " + expected + ".",
				"Ghi số lần nộp (soLan) là " + expected + ".", "Set soLan to " + expected + ".");
	}

	/**
	 * An accepted return of a chain.
	 * @param id the return id
	 * @param transactionCode its transaction code
	 * @param filingType C, B or T
	 * @param submissionNumber soLan
	 * @param indicators its indicator values
	 * @param clawback the refund it pays back ({@link #clawbackOf}), if any
	 * @param heldTo the extended deadline it was held to, if any
	 */
	record Member(UUID id, String transactionCode, String filingType, int submissionNumber,
			Map<String, String> indicators, @Nullable RefundClawback clawback, @Nullable LocalDate heldTo) {

	}

}
