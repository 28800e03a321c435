package etax.schemas;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One business rule of a form version, as the rule catalogue publishes it: what filers and officers read
 * to understand a finding with the same {@link #id()}. The assertion is the rule's formula in the form-spec
 * language ({@code schemas/FORMS.md}); messages may hold {@code {formula}} placeholders that a finding
 * fills with the return's values.
 *
 * @param id stable identifier, e.g. {@code GTGT842-R001}
 * @param category the kind of problem it finds
 * @param severity what a failure does to the return
 * @param subject the indicator a finding points at
 * @param assertion the condition every return must meet
 * @param forEach the table whose every row must meet it, or {@code null}
 * @param appendix the appendix the rule belongs to (checked only when present), or {@code null} for the body
 * @param message what is wrong, in Vietnamese and English
 * @param remedy how to fix it
 * @param source where the rule comes from, e.g. {@code VN-ETAX.md §1.8}, or {@code constructed}
 */
public record FormRule(String id, Category category, Severity severity, String subject, String assertion,
		@Nullable String forEach, @Nullable String appendix, LocalizedText message, LocalizedText remedy,
		String source) {

	public FormRule {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(assertion, "assertion");
		Objects.requireNonNull(message, "message");
		Objects.requireNonNull(remedy, "remedy");
		Objects.requireNonNull(source, "source");
	}

}
