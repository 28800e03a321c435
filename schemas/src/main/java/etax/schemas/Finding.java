package etax.schemas;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One problem found in a return: the one finding shape of the whole system, from XSD errors to business
 * rules. It is what the acknowledgement notices, the REST problem details and the officers' console show.
 *
 * @param ruleId stable rule identifier, e.g. {@code XSD}, {@code ENV-2}
 * @param category the kind of problem
 * @param severity how it affects the return
 * @param xpath prefix-free location of the offending element, e.g.
 * {@code /HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/ct40}; positional predicates appear only where same-named
 * siblings repeat
 * @param line line of the offending element in the raw XML, when known
 * @param column column in that line, when known
 * @param value the offending text, when the finding is about an element's content
 * @param message what is wrong
 * @param remedy how to fix it
 */
public record Finding(String ruleId, Category category, Severity severity, String xpath, @Nullable Integer line,
		@Nullable Integer column, @Nullable String value, LocalizedText message, LocalizedText remedy) {

	public Finding {
		Objects.requireNonNull(ruleId, "ruleId");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(xpath, "xpath");
		Objects.requireNonNull(message, "message");
		Objects.requireNonNull(remedy, "remedy");
	}

}
