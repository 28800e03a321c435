package etax.schemas;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Everything the catalog says about one form version beyond {@link FormVersion}: its title, the circular
 * behind it, the deadline rule of each period kind, its appendices, and how much of it rests on
 * assumptions.
 *
 * @param version the form version
 * @param name its title
 * @param circular the circular that issued the template, e.g. {@code 80/2021/TT-BTC}
 * @param periodDeadlines each accepted {@code kieuKy} with the code of its deadline rule, e.g. {@code M -> DL20}
 * @param constructed whether the structure was built from the form's name and family conventions rather
 * than from a published layout
 * @param assumptions choices made where the sources are thin, to verify
 * @param appendices the appendices the version allows, in document order
 * @param ruleCount how many rules check it
 */
public record FormDetails(FormVersion version, LocalizedText name, String circular,
		Map<String, String> periodDeadlines, boolean constructed, List<String> assumptions,
		List<Appendix> appendices, int ruleCount) {

	public FormDetails {
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(circular, "circular");
		periodDeadlines = Collections.unmodifiableMap(new LinkedHashMap<>(periodDeadlines));
		assumptions = List.copyOf(assumptions);
		appendices = List.copyOf(appendices);
	}

	/**
	 * An appendix a form version allows.
	 * @param id its element name under {@code PLuc}, e.g. {@code PL01_KHBS}
	 * @param form its own form code when it is a shared appendix, e.g. {@code 01/KHBS}, or {@code null}
	 * @param name its title, when known
	 * @param typed whether its content is checked against a schema ({@code false}: any content)
	 */
	public record Appendix(String id, @Nullable String form, @Nullable LocalizedText name, boolean typed) {

		public Appendix {
			Objects.requireNonNull(id, "id");
		}

	}

}
