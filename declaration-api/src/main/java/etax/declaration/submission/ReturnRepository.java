package etax.declaration.submission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import etax.declaration.extension.ExtendedDeadline;
import etax.declaration.extension.ExtensionReason;
import etax.schemas.Finding;
import etax.schemas.RefundClawback;
import etax.schemas.ReturnDocument;
import etax.schemas.ReturnHeader;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stored returns in {@code filing.tax_return}; rows are inserted, never updated. */
@Repository
class ReturnRepository {

	private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, String>> INDICATORS = new TypeReference<>() {
	};

	private static final String SELECT = """
			SELECT id, transaction_code, status, received_at, mst, form_code, ma_tkhai, form_version,
			    filing_type, submission_number, period_kind, period_value, period_from, period_to,
			    tax_office_code, filed_by, filed_by_role, content_sha256, findings::text, extension_id, extension_reason,
			    extension_deadline
			FROM filing.tax_return""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final JsonMapper json;

	ReturnRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.json = json;
	}

	/**
	 * Inserts returns filed together, in one statement.
	 * @param filed the returns with their documents
	 */
	void insert(List<NewReturn> filed) {
		this.jdbcTemplate.batchUpdate("""
				INSERT INTO filing.tax_return (id, transaction_code, mst, form_code, ma_tkhai, form_version,
				    filing_type, submission_number, period_kind, period_value, period_from, period_to,
				    tax_office_code, status, received_at, content_sha256, indicators, findings, xml, chain_key, filed_by,
				    filed_by_role, managing_office_code, extension_id, extension_reason, extension_deadline, clawback_amount,
				    clawback_sub_item, clawback_received_on)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", filed.stream().map(this::row).toList());
	}

	private Object[] row(NewReturn filed) {
		StoredReturn stored = filed.stored();
		ReturnHeader header = filed.document().header();
		ExtendedDeadline extension = stored.extension();
		RefundClawback clawback = ReturnChains.clawbackOf(filed.document());
		return new Object[] { stored.id(), stored.transactionCode(), header.mst(), header.formCode(), header.maTKhai(),
				header.version(), header.filingType(), header.submissionNumber(), header.period().kind(),
				header.period().value(), header.period().from(), header.period().to(), header.taxOfficeCode(),
				stored.status().name(), Timestamp.from(stored.receivedAt()), filed.document().sha256(),
				this.json.writeValueAsString(filed.document().indicators()), this.json.writeValueAsString(stored.findings()),
				filed.document().xml(), filed.chainKey(), filed.filedBy(), stored.filedBy().role(), filed.managingOffice(),
				(extension != null) ? extension.extensionId() : null, (extension != null) ? extension.reason().name() : null,
				(extension != null) ? extension.deadline() : null, (clawback != null) ? clawback.amount() : null,
				(clawback != null) ? clawback.subItem() : null, (clawback != null) ? clawback.receivedOn() : null };
	}

	/**
	 * A return to insert.
	 * @param stored its stored view
	 * @param document the document it was read from
	 * @param chainKey its chain ({@link ReturnChains#keyOf})
	 * @param filedBy who filed it
	 * @param managingOffice the tax office that manages its taxpayer, when registered: its officers see it
	 * whatever office the return names ({@link ReturnScope})
	 */
	record NewReturn(StoredReturn stored, ReturnDocument document, String chainKey, String filedBy,
			@Nullable String managingOffice) {

	}

	Optional<StoredReturn> findById(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::map).optional();
	}

	Optional<StoredReturn> findById(UUID id, ReturnScope scope) {
		return this.jdbc.sql(SELECT + " WHERE id = :id AND " + scope.condition())
			.param("id", id)
			.params(scope.parameters())
			.query(this::map)
			.optional();
	}

	Optional<StoredReturn> findByTransactionCode(String transactionCode, ReturnScope scope) {
		return this.jdbc.sql(SELECT + " WHERE transaction_code = :code AND " + scope.condition())
			.param("code", transactionCode)
			.params(scope.parameters())
			.query(this::map)
			.optional();
	}

	/**
	 * The returns of the chain a return belongs to, in the order decided ({@link ReturnChains#DECISION_ORDER}): what is
	 * in force and what each changed are the chain's, whoever filed them. Every accepted one, and of those not
	 * accepted the latest {@code refused}, and the given one: returns refused without end (a filer's retries, or
	 * returns anybody may send under the MST) would make the chain unbounded, and none of them is ever in force.
	 * @param id a return of the chain
	 * @param refused how many of the returns not accepted to read, the latest first
	 * @return the chain's returns, the given one among them
	 */
	List<ChainHistory.Member> chainOf(UUID id, int refused) {
		return this.jdbc.sql("""
				WITH chain AS (SELECT chain_key FROM filing.tax_return WHERE id = :id)
				SELECT id, transaction_code, filing_type, submission_number, status, received_at, indicators::text
				FROM filing.tax_return
				WHERE id IN (
				    SELECT r.id FROM filing.tax_return r, chain WHERE r.chain_key = chain.chain_key AND r.status = 'ACCEPTED'
				    UNION
				    (SELECT r.id FROM filing.tax_return r, chain WHERE r.chain_key = chain.chain_key
				         AND r.status = 'NOT_ACCEPTED' ORDER BY right(r.transaction_code, 10) DESC LIMIT :refused)
				    UNION
				    SELECT :id)
				""" + " ORDER BY " + ReturnChains.DECISION_ORDER)
			.param("id", id)
			.param("refused", refused)
			.query((row, n) -> new ChainHistory.Member(row.getObject("id", UUID.class), row.getString("transaction_code"),
					row.getString("filing_type"), row.getInt("submission_number"),
					ReturnStatus.valueOf(row.getString("status")), row.getTimestamp("received_at").toInstant(),
					this.json.readValue(row.getString("indicators"), INDICATORS)))
			.list();
	}

	/**
	 * @param ids some returns
	 * @param scope what the caller may see
	 * @return those of them the caller may see
	 */
	Set<UUID> visible(Collection<UUID> ids, ReturnScope scope) {
		return new HashSet<>(this.jdbc.sql("SELECT id FROM filing.tax_return WHERE id = ANY(:ids) AND " + scope.condition())
			.param("ids", ids.toArray(UUID[]::new))
			.params(scope.parameters())
			.query(UUID.class)
			.list());
	}

	/**
	 * A page of returns matching a filter, newest first.
	 * @param filter what to match; empty fields match everything
	 * @param scope what the caller may see
	 * @param page zero-based page
	 * @param size page size
	 * @return the page
	 */
	List<StoredReturn> find(ReturnFilter filter, ReturnScope scope, int page, int size) {
		Query query = page(filter, scope, page, size);
		return this.jdbc.sql(query.sql())
			.params(query.parameters())
			.query(this::map)
			.list();
	}

	/**
	 * The query of a page. Only the fields given become conditions: one that may or may not apply
	 * ({@code :mst IS NULL OR mst = :mst}) leaves a cached plan no index to use, and a page of one taxpayer's
	 * returns would then read every return received after them.
	 */
	static Query page(ReturnFilter filter, ReturnScope scope, int page, int size) {
		StringBuilder where = new StringBuilder(scope.condition());
		Map<String, Object> parameters = new HashMap<>(scope.parameters());
		if (filter.mst() != null) {
			where.append(" AND mst = :mst");
			parameters.put("mst", filter.mst());
		}
		if (filter.form() != null) {
			where.append(" AND (form_code = :form OR ma_tkhai = :form)");
			parameters.put("form", filter.form());
		}
		if (filter.period() != null) {
			where.append(" AND period_value = :period");
			parameters.put("period", filter.period());
		}
		if (filter.status() != null) {
			where.append(" AND status = :status");
			parameters.put("status", filter.status().name());
		}
		parameters.put("size", size);
		parameters.put("offset", (long) page * size);
		return new Query(SELECT + " WHERE " + where + " ORDER BY received_at DESC, id LIMIT :size OFFSET :offset",
				parameters);
	}

	/**
	 * An SQL statement with named parameters.
	 * @param sql the statement
	 * @param parameters its parameters by name
	 */
	record Query(String sql, Map<String, Object> parameters) {

	}

	private StoredReturn map(ResultSet row, int rowNumber) throws SQLException {
		return new StoredReturn(row.getObject("id", UUID.class), row.getString("transaction_code"),
				ReturnStatus.valueOf(row.getString("status")), row.getTimestamp("received_at").toInstant(),
				row.getString("mst"), row.getString("form_code"), row.getString("ma_tkhai"),
				row.getString("form_version"), row.getString("filing_type"), row.getInt("submission_number"),
				new StoredReturn.Period(row.getString("period_kind"), row.getString("period_value"),
						date(row, "period_from"), date(row, "period_to")),
				row.getString("tax_office_code"),
				new StoredReturn.FiledBy(row.getString("filed_by"), row.getString("filed_by_role")),
				row.getString("content_sha256"),
				this.json.readValue(row.getString("findings"), FINDINGS), List.of(), extension(row));
	}

	private static @Nullable ExtendedDeadline extension(ResultSet row) throws SQLException {
		UUID id = row.getObject("extension_id", UUID.class);
		return (id != null) ? new ExtendedDeadline(id, ExtensionReason.valueOf(row.getString("extension_reason")),
				row.getObject("extension_deadline", LocalDate.class)) : null;
	}

	private static @Nullable LocalDate date(ResultSet row, String column) throws SQLException {
		return row.getObject(column, LocalDate.class);
	}

}
