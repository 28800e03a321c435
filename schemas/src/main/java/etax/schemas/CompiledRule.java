package etax.schemas;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A rule ready to run: its bound assertion, what a finding points at, its message templates, and the
 * generator's break vector as bound pins.
 *
 * @param spec the rule as written
 * @param appendix the appendix it belongs to, or -1 for the body
 * @param appendixId that appendix's id, or {@code null}
 * @param forEach the table it runs on row by row, or -1
 * @param assertion the condition that must hold
 * @param subject what a finding reports
 * @param messageVi Vietnamese message
 * @param messageEn English message
 * @param pins how to break it
 */
record CompiledRule(FormSpec.Rule spec, int appendix, @Nullable String appendixId, int forEach, Expr assertion, Subject subject,
		MessageTemplate messageVi, MessageTemplate messageEn, List<Pin> pins) {

	FormRule published() {
		return new FormRule(this.spec.id(), this.spec.category(), this.spec.severity(), this.spec.subject(),
				this.spec.assertion(), this.spec.forEach(), this.appendixId,
				this.spec.message(), this.spec.remedy(), this.spec.source());
	}

	/** What a finding points at: a field, a column of the row, an envelope field or an appendix. */
	static final class Subject {

		enum Kind {

			FIELD, COLUMN, HEADER, APPENDIX, TABLE

		}

		final Kind kind;

		final int index;

		final @Nullable HeaderVar header;

		final @Nullable String appendixId;

		Subject(Kind kind, int index, @Nullable HeaderVar header, @Nullable String appendixId) {
			this.kind = kind;
			this.index = index;
			this.header = header;
			this.appendixId = appendixId;
		}

	}

	/**
	 * One entry of a break vector: set a field, a column of the first row, an envelope field, remove or add
	 * an appendix, or empty a table.
	 */
	record Pin(Subject.Kind kind, int index, @Nullable HeaderVar header, @Nullable Expr value, boolean present) {
	}

}
