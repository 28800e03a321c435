package etax.declaration.submission;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

import etax.access.Caller;
import etax.declaration.taxpayer.AgentContract;

/**
 * The returns a caller may see, as a condition on {@code filing.tax_return}: a taxpayer its own and its
 * branches' ({@code <mst>-NNN}); an agent, while active, those of taxpayers it has a contract with today (not
 * one the client ended), and those it filed; a T-VAN those it transmitted; an officer those filed with the tax office and those of the taxpayers
 * it manages; a national officer all. "Today" is the real day, never a sandbox's (ADR 0017: the sandbox
 * changes no one's rights).
 * A return outside the scope does not exist for the caller (404), so nobody learns which ids are taken.
 *
 * @param condition an SQL condition with named parameters
 * @param parameters its parameters
 */
record ReturnScope(String condition, Map<String, Object> parameters) {

	// Each condition can be read from an index (ADR 0020): a page of a taxpayer's or an agent's returns never
	// walks every return received after them. An agent's clients are an array, not a sub-query, so that the
	// plan can combine the indexes on filer and MST.
	static ReturnScope of(Caller caller, LocalDate today) {
		return switch (caller.role()) {
			case TAXPAYER -> taxpayer(caller.requireMst());
			case AGENT -> new ReturnScope("(filed_by = :scopeSubject OR mst = ANY (ARRAY("
					+ AgentContract.clientsOn("scopeMst", "scopeToday") + ")))",
					Map.of("scopeSubject", caller.subject(), "scopeMst", caller.requireMst(), "scopeToday", today));
			case TVAN -> new ReturnScope("filed_by = :scopeSubject", Map.of("scopeSubject", caller.subject()));
			// the office the return names, or the one that manages its taxpayer: what the filer writes never
			// hides a return from the managing office (R-ID-3); each side has its index (V7, V13)
			case OFFICER -> new ReturnScope("(tax_office_code = :scopeOffice OR managing_office_code = :scopeOffice)",
					Map.of("scopeOffice", Objects.requireNonNull(caller.taxOffice())));
			case NATIONAL_OFFICER -> new ReturnScope("TRUE", Map.of());
			case BANK, SERVICE -> new ReturnScope("FALSE", Map.of());
		};
	}

	/**
	 * A head office's returns are those under its MST and its branches' ({@code split_part(mst, '-', 1)}: the
	 * expression of the index that also orders a page, V11); a branch's are its own.
	 */
	private static ReturnScope taxpayer(String mst) {
		return mst.contains("-") ? new ReturnScope("mst = :scopeMst", Map.of("scopeMst", mst))
				: new ReturnScope("split_part(mst, '-', 1) = :scopeMst", Map.of("scopeMst", mst));
	}

}
