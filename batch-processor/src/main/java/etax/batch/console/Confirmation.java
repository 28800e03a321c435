package etax.batch.console;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;

/**
 * The step between a click and an action that destroys something or moves money (cancelling a batch,
 * resolving or approving a correction, re-driving a bank message): the action's form posts without
 * {@code confirmed}, and the console answers with this page, which says what will happen and sends the same
 * fields again with {@code confirmed=true}. A mis-click therefore does nothing; only the second, deliberate
 * button acts. The page changes nothing, so it is answered directly rather than redirected.
 *
 * @param heading what is asked, e.g. "Cancel batch …?"
 * @param consequence what will happen, in a sentence or two
 * @param facts what the action is about, label and value
 * @param action where the confirmed form posts
 * @param fields the fields the action needs, sent again as they came
 * @param button the confirming button's text
 * @param back the page to go back to without acting
 * @param diff a coding as recorded and as proposed, for a correction; empty otherwise
 */
public record Confirmation(String heading, String consequence, List<Fact> facts, String action, List<Field> fields,
		String button, String back, List<CodingDiff.Row> diff) {

	/** The template that shows a confirmation. */
	public static final String PAGE = "console/confirm";

	/**
	 * @param heading what is asked
	 * @param consequence what will happen
	 * @param action where the confirmed form posts
	 * @param button the confirming button's text
	 * @param back the page to go back to
	 * @return a confirmation without facts or fields yet
	 */
	public static Confirmation of(String heading, String consequence, String action, String button, String back) {
		return new Confirmation(heading, consequence, new ArrayList<>(), action, new ArrayList<>(), button, back,
				List.of());
	}

	/**
	 * @param label what it is
	 * @param value its value; a blank one is not shown
	 * @return this
	 */
	public Confirmation fact(String label, @Nullable Object value) {
		if (value != null && !String.valueOf(value).isBlank()) {
			this.facts.add(new Fact(label, String.valueOf(value)));
		}
		return this;
	}

	/**
	 * A field sent again; a multi-line one is shown (read-only), others are hidden.
	 * @param name the parameter
	 * @param value as it came; absent ones are not sent
	 * @param label what it is, for a shown field
	 * @return this
	 */
	public Confirmation field(String name, @Nullable Object value, @Nullable String label) {
		if (value != null) {
			this.fields.add(new Field(name, String.valueOf(value), label));
		}
		return this;
	}

	/**
	 * @param rows the coding as recorded and as proposed
	 * @return a copy that shows them
	 */
	public Confirmation withDiff(List<CodingDiff.Row> rows) {
		return new Confirmation(this.heading, this.consequence, this.facts, this.action, this.fields, this.button,
				this.back, List.copyOf(rows));
	}

	/**
	 * @param model the page's model
	 * @return the template
	 */
	public String show(Model model) {
		model.addAttribute("confirmation", this);
		return PAGE;
	}

	/**
	 * @param label what it is
	 * @param value its value
	 */
	public record Fact(String label, String value) {

	}

	/**
	 * @param name the parameter
	 * @param value its value
	 * @param label shown as a read-only text with this label; hidden when null
	 */
	public record Field(String name, String value, @Nullable String label) {

	}

}
