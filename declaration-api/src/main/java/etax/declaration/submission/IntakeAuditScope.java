package etax.declaration.submission;

import java.util.Map;
import java.util.Objects;

import etax.access.Caller;

/**
 * The intake audit lines a caller may see, as a condition on {@code filing.intake_audit} (ADR 0012): a filer
 * (taxpayer, agent, T-VAN) the lines of its own token subject, whatever they name; an officer the lines attributed
 * to its tax office, the office that managed the taxpayer a line concerns when it was written (the one the
 * refused return named, or else the calling taxpayer or agent); a national officer all. Not the lines of a content
 * hash an officer asks for: an empty body's or a published sample's hash is known to anyone, and holding the
 * bytes does not make the sender one of the office's taxpayers. Each condition is the leading column of an index
 * that also orders the page (V20).
 *
 * @param condition an SQL condition with named parameters
 * @param parameters its parameters
 * @param showsOffices whether the lines show the managing office: to officers; a filer's refused attempt at a
 * taxpayer it may not file for must not tell it whether that taxpayer is registered, nor where
 */
record IntakeAuditScope(String condition, Map<String, Object> parameters, boolean showsOffices) {

	static IntakeAuditScope of(Caller caller) {
		return switch (caller.role()) {
			case TAXPAYER, AGENT, TVAN ->
				new IntakeAuditScope("caller_subject = :scopeSubject", Map.of("scopeSubject", caller.subject()), false);
			case OFFICER -> new IntakeAuditScope("managing_office_code = :scopeOffice",
					Map.of("scopeOffice", Objects.requireNonNull(caller.taxOffice())), true);
			case NATIONAL_OFFICER -> new IntakeAuditScope("TRUE", Map.of(), true);
			case BANK, SERVICE -> new IntakeAuditScope("FALSE", Map.of(), false);
		};
	}

}
