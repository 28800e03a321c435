package etax.declaration.inspection;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inspections, conclusions, the tax they assessed and the fines they decided in {@code filing.tax_inspection},
 * {@code filing.tax_inspection_conclusion}, {@code filing.tax_assessment} and {@code filing.tax_assessment_fine}: rows
 * are inserted, never updated nor deleted (V24, V27, V30).
 */
@Repository
class InspectionRepository {

	private static final String SELECT = """
			SELECT i.id, i.mst, i.decision_number, i.kind, i.period_from, i.period_to, i.tax_types, i.announced_on,
			    i.recorded_by, i.recorded_at, c.concluded_on, c.decision_number AS conclusion_number,
			    c.recorded_by AS concluded_by, c.recorded_at AS conclusion_recorded_at,
			    (SELECT json_agg(json_build_object('payableItemId', a.id, 'formCode', a.form_code, 'maTKhai', a.ma_tkhai,
			        'periodKind', a.period_kind, 'period', a.period, 'subItem', a.sub_item, 'taxPeriod', a.tax_period,
			        'amount', a.amount, 'dueDate', a.due_date, 'fine',
			        (SELECT json_build_object('payableItemId', f.payable_item_id, 'violation', f.violation, 'rate', f.rate,
			            'amount', f.amount, 'subItem', f.sub_item, 'taxPeriod', f.tax_period, 'dueDate', f.due_date)
			         FROM filing.tax_assessment_fine f WHERE f.assessment_id = a.id)) ORDER BY a.position)
			     FROM filing.tax_assessment a WHERE a.inspection_id = c.inspection_id) AS assessed_tax
			FROM filing.tax_inspection i""";

	private static final String CONCLUSION = " LEFT JOIN filing.tax_inspection_conclusion c ON c.inspection_id = i.id";

	private static final TypeReference<List<AssessedTax>> ASSESSED_TAX = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	InspectionRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** @return whether it was inserted: not if the taxpayer has an inspection of its decision number */
	boolean insert(TaxInspection inspection) {
		return this.jdbc.sql("""
				INSERT INTO filing.tax_inspection (id, mst, decision_number, kind, period_from, period_to, tax_types,
				    announced_on, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?)
				ON CONFLICT (mst, decision_number) WHERE repeat_of IS NULL DO NOTHING
				""")
			.params(inspection.id(), inspection.mst(), inspection.decisionNumber(), inspection.kind().name(),
					inspection.periodFrom(), inspection.periodTo(), inspection.taxTypes().toArray(String[]::new),
					inspection.announcedOn(), inspection.recordedBy(), Timestamp.from(inspection.recordedAt()))
			.update() == 1;
	}

	/** @return whether it was inserted: not if the inspection's conclusion was recorded before */
	boolean conclude(UUID id, TaxInspection.Conclusion conclusion) {
		return this.jdbc.sql("""
				INSERT INTO filing.tax_inspection_conclusion (inspection_id, concluded_on, decision_number, recorded_by,
				    recorded_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (inspection_id) DO NOTHING
				""")
			.params(id, conclusion.concludedOn(), conclusion.decisionNumber(), conclusion.recordedBy(),
					Timestamp.from(conclusion.recordedAt()))
			.update() == 1;
	}

	/**
	 * Records the tax a conclusion assessed, in its order, and the fines decided for it.
	 * @param chapter the taxpayer's budget chapter
	 * @param taxOfficeCode the taxpayer's managing office
	 */
	void assessed(UUID inspectionId, String mst, String chapter, String taxOfficeCode, List<AssessedTax> assessed) {
		for (int position = 0; position < assessed.size(); position++) {
			AssessedTax tax = assessed.get(position);
			this.jdbc.sql("""
					INSERT INTO filing.tax_assessment (id, inspection_id, position, mst, form_code, ma_tkhai, period_kind,
					    period, chapter, sub_item, tax_period, amount, due_date, tax_office_code)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(tax.payableItemId(), inspectionId, position, mst, tax.formCode(), tax.maTKhai(), tax.periodKind(),
						tax.period(), chapter, tax.subItem(), tax.taxPeriod(), tax.amount(), tax.dueDate(), taxOfficeCode)
				.update();
			AssessmentFine fine = tax.fine();
			if (fine != null) {
				this.jdbc.sql("""
						INSERT INTO filing.tax_assessment_fine (payable_item_id, assessment_id, violation, rate, amount,
						    sub_item, tax_period, due_date)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)
						""")
					.params(fine.payableItemId(), tax.payableItemId(), fine.violation().name(), fine.rate(), fine.amount(),
							fine.subItem(), fine.taxPeriod(), fine.dueDate())
					.update();
			}
		}
	}

	Optional<TaxInspection> find(String mst, UUID id) {
		return this.jdbc.sql(SELECT + CONCLUSION + " WHERE i.mst = ? AND i.id = ?")
			.params(mst, id)
			.query(this::map)
			.optional();
	}

	/** The taxpayer's inspection announced by a decision. */
	Optional<TaxInspection> byDecision(String mst, String decisionNumber) {
		return this.jdbc.sql(SELECT + CONCLUSION + " WHERE i.mst = ? AND i.decision_number = ? AND i.repeat_of IS NULL")
			.params(mst, decisionNumber)
			.query(this::map)
			.optional();
	}

	/**
	 * The inspection of an id and the rows recorded again under its decision before an inspection was one per
	 * decision (V35): the first recorded first, the one the decision is.
	 */
	List<TaxInspection> sameDecision(String mst, UUID id) {
		return this.jdbc.sql(SELECT + CONCLUSION + """
				 WHERE i.mst = :mst AND i.decision_number = (SELECT decision_number FROM filing.tax_inspection
				    WHERE mst = :mst AND id = :id)
				ORDER BY i.repeat_of IS NOT NULL, i.recorded_at, i.id""")
			.param("mst", mst)
			.param("id", id)
			.query(this::map)
			.list();
	}

	/** A taxpayer's inspections, in the order announced; a repeat (V35) only if it was concluded. */
	List<TaxInspection> of(String mst) {
		return this.jdbc.sql(SELECT + CONCLUSION + """
				 WHERE i.mst = ? AND (i.repeat_of IS NULL OR c.inspection_id IS NOT NULL)
				ORDER BY i.announced_on, i.recorded_at, i.id""")
			.param(mst)
			.query(this::map)
			.list();
	}

	/**
	 * A taxpayer's inspections of a tax type whose periods overlap a range, announced on or before a day, with
	 * their conclusions only if concluded on or before it: how they stood that day. One indexed read, on the
	 * supplements of a taxpayer ever inspected.
	 */
	List<TaxInspection> on(LocalDate day, String mst, String taxType, LocalDate from, LocalDate to) {
		return this.jdbc.sql(SELECT + CONCLUSION + """
				 AND c.concluded_on <= ?
				WHERE i.mst = ? AND i.period_from <= ? AND i.period_to >= ? AND i.announced_on <= ?
				  AND (cardinality(i.tax_types) = 0 OR ? = ANY(i.tax_types))
				ORDER BY i.announced_on, i.recorded_at, i.id""")
			.params(day, mst, to, from, day, taxType)
			.query(this::map)
			.list();
	}

	private TaxInspection map(ResultSet row, int rowNumber) throws SQLException {
		LocalDate concludedOn = row.getObject("concluded_on", LocalDate.class);
		TaxInspection.Conclusion conclusion = (concludedOn != null)
				? new TaxInspection.Conclusion(concludedOn, row.getString("conclusion_number"),
						row.getString("concluded_by"), row.getTimestamp("conclusion_recorded_at").toInstant(),
						assessedTax(row.getString("assessed_tax")))
				: null;
		return new TaxInspection(row.getObject("id", UUID.class), row.getString("mst"), row.getString("decision_number"),
				InspectionKind.valueOf(row.getString("kind")), row.getObject("period_from", LocalDate.class),
				row.getObject("period_to", LocalDate.class), taxTypes(row.getArray("tax_types")),
				row.getObject("announced_on", LocalDate.class), row.getString("recorded_by"),
				row.getTimestamp("recorded_at").toInstant(), conclusion);
	}

	private List<AssessedTax> assessedTax(@Nullable String json) {
		return (json != null) ? this.json.readValue(json, ASSESSED_TAX) : List.of();
	}

	private static List<String> taxTypes(Array array) throws SQLException {
		return List.of((String[]) array.getArray());
	}

}
