package etax.declaration.taxpayer;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import etax.schemas.FormCatalog;
import etax.schemas.FormVersion;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Taxpayers, agent contracts and certificates in schema {@code filing}. */
@Repository
class TaxpayerRepository {

	// rows are mapped by column name here, not by the records' property names: the property mapper tries
	// each camelCase name first and fails over on an exception per column per row, on every filing
	private static final String SELECT = """
			SELECT mst, name, status, e_filing, filing_frequency, tax_office_code, chapter,
			    (SELECT string_agg(to_char(c.effective_from, 'YYYY-MM-DD') || ':' || c.frequency, ','
			                       ORDER BY c.effective_from)
			     FROM filing.filing_frequency_change c WHERE c.mst = taxpayer.mst) AS frequency_changes,
			    EXISTS (SELECT FROM filing.deadline_extension e WHERE e.mst = taxpayer.mst) AS deadlines_extended,
			    EXISTS (SELECT FROM filing.tax_inspection i WHERE i.mst = taxpayer.mst) AS inspected
			FROM filing.taxpayer
			""";

	private static final RowMapper<Taxpayer> TAXPAYER = (row, n) -> new Taxpayer(row.getString("mst"),
			row.getString("name"), row.getString("status"), row.getBoolean("e_filing"), row.getString("filing_frequency"),
			row.getString("tax_office_code"), row.getString("chapter"), changes(row.getString("frequency_changes")),
			row.getBoolean("deadlines_extended"), row.getBoolean("inspected"));

	private static final RowMapper<AgentContract> CONTRACT = (row, n) -> new AgentContract(row.getString("agent_mst"),
			row.getString("taxpayer_mst"), row.getString("contract_number"), row.getObject("valid_from", LocalDate.class),
			row.getObject("valid_to", LocalDate.class));

	private static final RowMapper<Certificate> CERTIFICATE = (row, n) -> new Certificate(row.getString("issuer"),
			row.getString("serial_number"), row.getString("mst"), row.getString("subject"),
			row.getTimestamp("not_before").toInstant(), row.getTimestamp("not_after").toInstant());

	/** The forms filed at the taxpayer's frequency: those a month or a quarter may be declared on (R-PER-2). */
	private static final String[] FREQUENCY_FORMS = FormCatalog.load()
		.versions()
		.stream()
		.filter((form) -> form.periodKinds().containsAll(List.of("M", "Q")))
		.map(FormVersion::maTKhai)
		.distinct()
		.toArray(String[]::new);

	private final JdbcClient jdbc;

	TaxpayerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A taxpayer with its frequency changes, in one statement (every filing reads it): the changes as
	 * {@code yyyy-MM-dd:F} pairs, read from the primary key of {@code filing_frequency_change}; whether it ever
	 * had an extension or an inspection, each an index probe.
	 */
	Optional<Taxpayer> find(String mst) {
		return this.jdbc.sql(SELECT + "WHERE mst = ?").param(mst).query(TAXPAYER).optional();
	}

	/**
	 * Holds the registration lock of taxpayers ({@link #lock}) shared until the transaction ends, then reads them as
	 * {@link #find} does: a registration waits for the transaction, or the transaction, once it has waited for one,
	 * reads what the registration stored (a second statement, whose snapshot is taken after the wait). An advisory
	 * lock, not the row's: a row lock is written to the row (a WAL record and a dirtied page for every filing, a
	 * multixact for two at once), where this one lives in memory.
	 */
	List<Taxpayer> lockSharedAndFind(Collection<String> msts) {
		String[] keys = msts.stream().distinct().sorted().toArray(String[]::new);
		this.jdbc.sql("""
				SELECT count(pg_advisory_xact_lock_shared(""" + registrationLock("mst") + """
				)) FROM unnest(?::text[]) AS mst""")
			.param(keys)
			.query(Long.class)
			.single();
		return this.jdbc.sql(SELECT + "WHERE mst = ANY (?)").param(keys).query(TAXPAYER).list();
	}

	/**
	 * Share-locks a taxpayer's row until the transaction ends: a re-registration under another office waits for
	 * it, while other readers and share-lockers do not.
	 */
	void lockShared(String mst) {
		this.jdbc.sql("SELECT mst FROM filing.taxpayer WHERE mst = ? FOR SHARE").param(mst).query(String.class).optional();
	}

	private static List<FrequencyChange> changes(@Nullable String pairs) {
		if (pairs == null || pairs.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(pairs.split(","))
			.map((pair) -> new FrequencyChange(LocalDate.parse(pair.substring(0, 10)), pair.substring(11)))
			.toList();
	}

	/**
	 * Holds a taxpayer's registration until the transaction ends: two registrations of one MST (two officers, or a
	 * retry) are judged one after the other, each on what the other stored.
	 */
	void lock(String mst) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(" + registrationLock("?") + ")")
			.param(mst)
			.query((row, n) -> n)
			.list();
	}

	/** The key of a taxpayer's registration lock, of an MST given by a column or a parameter: one name for both. */
	private static String registrationLock(String mst) {
		return "hashtextextended('taxpayer|' || " + mst + ", 0)";
	}

	/**
	 * Registers a taxpayer, or updates its details; never its frequency in force since ever, which a taxpayer
	 * registered before keeps (changes are appended: {@link #insert(String, FrequencyChange, Instant)}).
	 * @param taxpayer the details
	 * @param managingOffice the office a registered taxpayer must be managed by to be updated, or {@code null} for any
	 * @return whether it was stored: not when it is registered with another office (by a concurrent registration)
	 */
	boolean save(Taxpayer taxpayer, @Nullable String managingOffice) {
		return this.jdbc.sql("""
				INSERT INTO filing.taxpayer (mst, name, status, e_filing, filing_frequency, tax_office_code, chapter)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (mst) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status,
				    e_filing = EXCLUDED.e_filing, tax_office_code = EXCLUDED.tax_office_code, chapter = EXCLUDED.chapter
				WHERE ?::text IS NULL OR taxpayer.tax_office_code = ?
				""")
			.params(taxpayer.mst(), taxpayer.name(), taxpayer.status(), taxpayer.eFiling(), taxpayer.filingFrequency(),
					taxpayer.taxOfficeCode(), taxpayer.chapter(), managingOffice, managingOffice)
			.update() == 1;
	}

	/**
	 * A return the taxpayer filed and had accepted for a month or a quarter of another frequency, in the years given,
	 * of a form filed at the taxpayer's frequency (one that takes both months and quarters).
	 * @param mst the taxpayer
	 * @param frequency the frequency, {@code M} or {@code Q}
	 * @param fromYear the first year
	 * @param untilYear the year after the last
	 * @return the period of one, as declared ({@code 6/2026})
	 */
	Optional<String> acceptedOfAnotherFrequency(String mst, String frequency, int fromYear, int untilYear) {
		return this.jdbc.sql("""
				SELECT period_value FROM filing.tax_return
				WHERE mst = ? AND ma_tkhai = ANY (?) AND status IN ('ACCEPTED', 'SUPERSEDED') AND period_kind IN ('M', 'Q')
				  AND period_kind <> ?
				  AND CASE WHEN split_part(period_value, '/', 2) ~ '^[0-9]{4}$'
				      THEN split_part(period_value, '/', 2)::int END >= ?
				  AND CASE WHEN split_part(period_value, '/', 2) ~ '^[0-9]{4}$'
				      THEN split_part(period_value, '/', 2)::int END < ?
				LIMIT 1
				""").params(mst, FREQUENCY_FORMS, frequency, fromYear, untilYear).query(String.class).optional();
	}

	/** @return whether it was inserted: not if the taxpayer has a change from that day already */
	boolean insert(String mst, FrequencyChange change, Instant registeredAt) {
		return this.jdbc.sql("""
				INSERT INTO filing.filing_frequency_change (mst, effective_from, frequency, registered_at)
				VALUES (?, ?, ?, ?) ON CONFLICT (mst, effective_from) DO NOTHING
				""")
			.params(mst, change.effectiveFrom(), change.frequency(), Timestamp.from(registeredAt))
			.update() == 1;
	}

	/** @return whether it was recorded: not if the contract has an ending already */
	boolean insertEnding(AgentContract contract, LocalDate endsOn, String reason, String recordedBy, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO filing.agent_contract_ending (agent_mst, contract_number, ends_on, reason, recorded_by,
				    recorded_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
				""")
			.params(contract.agentMst(), contract.contractNumber(), endsOn, reason, recordedBy, Timestamp.from(at))
			.update() == 1;
	}

	Optional<LocalDate> endingOf(String agentMst, String contractNumber) {
		return this.jdbc.sql("SELECT ends_on FROM filing.agent_contract_ending WHERE agent_mst = ? AND contract_number = ?")
			.params(agentMst, contractNumber)
			.query(LocalDate.class)
			.optional();
	}

	/** @return whether it was inserted: not if the agent has a contract under that number */
	boolean insert(AgentContract contract) {
		return this.jdbc.sql("""
				INSERT INTO filing.agent_contract (agent_mst, taxpayer_mst, contract_number, valid_from, valid_to)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (agent_mst, contract_number) DO NOTHING
				""")
			.params(contract.agentMst(), contract.taxpayerMst(), contract.contractNumber(), contract.validFrom(),
					contract.validTo())
			.update() == 1;
	}

	Optional<AgentContract> contract(String agentMst, String contractNumber) {
		return this.jdbc.sql("""
				SELECT agent_mst, taxpayer_mst, contract_number, valid_from, valid_to
				FROM filing.agent_contract WHERE agent_mst = ? AND contract_number = ?
				""").params(agentMst, contractNumber).query(CONTRACT).optional();
	}

	/** @return whether it was inserted: not if a certificate of its issuer has that serial number */
	boolean insert(Certificate certificate) {
		return this.jdbc.sql("""
				INSERT INTO filing.certificate (issuer, issuer_key, serial_number, mst, subject, not_before, not_after)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (issuer_key, serial_number) DO NOTHING
				""")
			.params(certificate.issuer(), certificate.issuerKey(), certificate.serialNumber(), certificate.mst(),
					certificate.subject(), Timestamp.from(certificate.notBefore()),
					Timestamp.from(certificate.notAfter()))
			.update() == 1;
	}

	/** @param like a certificate: the one registered under its issuer and serial number */
	Optional<Certificate> certificate(Certificate like) {
		return this.jdbc.sql("""
				SELECT issuer, serial_number, mst, subject, not_before, not_after FROM filing.certificate
				WHERE issuer_key = ? AND serial_number = ?
				""").params(like.issuerKey(), like.serialNumber()).query(CERTIFICATE).optional();
	}

	/** @return the certificate of that serial registered before issuers were, if any (V39) */
	Optional<Certificate> unissued(String serialNumber) {
		return this.jdbc.sql("""
				SELECT issuer, serial_number, mst, subject, not_before, not_after FROM filing.certificate
				WHERE issuer_key = '' AND serial_number = ?
				""").param(serialNumber).query(CERTIFICATE).optional();
	}

	/** Gives a certificate registered before issuers were its issuer, now that it is registered again with it. */
	void adoptIssuer(Certificate certificate) {
		this.jdbc.sql("""
				UPDATE filing.certificate SET issuer = ?, issuer_key = ?
				WHERE issuer_key = '' AND serial_number = ? AND mst = ?
				""")
			.params(certificate.issuer(), certificate.issuerKey(), certificate.serialNumber(), certificate.mst())
			.update();
	}

	List<Certificate> certificates(String mst) {
		return this.jdbc.sql("""
				SELECT issuer, serial_number, mst, subject, not_before, not_after FROM filing.certificate WHERE mst = ?
				ORDER BY not_before, issuer, serial_number
				""").param(mst).query(CERTIFICATE).list();
	}

	/** Whether the taxpayer is among the agent's clients on the day ({@link AgentContract#clientsOn}); one round trip. */
	boolean hasContract(String agentMst, String taxpayerMst, LocalDate day) {
		return Boolean.TRUE.equals(this.jdbc.sql("SELECT :taxpayer IN (" + AgentContract.clientsOn("agent", "day") + ")")
			.param("taxpayer", taxpayerMst)
			.param("agent", agentMst)
			.param("day", day)
			.query(Boolean.class)
			.single());
	}

}
