package etax.schemas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One error of the JDK's schema validator, split into its key and arguments. The validator formats its
 * messages with {@link java.util.Locale#ROOT} ({@link ParserPool}) from the templates of the JDK's
 * {@code XMLSchemaMessages}, each beginning with its key: {@code cvc-pattern-valid: Value '031382914' is not
 * facet-valid with respect to pattern '[0-9]{10}' for type 'MSTType'.} The templates below are those texts,
 * with the arguments as {@code {n}}; a message that matches none of them is not parsed (and its finding keeps
 * the validator's text).
 *
 * @param key the key as printed, e.g. {@code cvc-pattern-valid}; two keys have two templates each
 * ({@code cvc-complex-type.4} with or without the attribute's namespace, {@code cvc-complex-type.2.4.d} with or
 * without the name of the element not expected, which newer JDKs add)
 * @param args the arguments in the template's numbering, {@code ""} for one the template does not print
 */
record XercesMessage(String key, List<String> args) {

	private static final Map<String, List<Template>> TEMPLATES = new HashMap<>();

	static {
		template("cvc-attribute.3", "The value '{2}' of attribute '{1}' on element '{0}' is not valid with respect to its "
				+ "type, '{3}'.");
		template("cvc-complex-type.2.1", "Element '{0}' must have no character or element information item [children], "
				+ "because the type's content type is empty.");
		template("cvc-complex-type.2.2", "Element '{0}' must have no element [children], and the value must be valid.");
		template("cvc-complex-type.2.3",
				"Element '{0}' cannot have character [children], because the type's content type is element-only.");
		template("cvc-complex-type.2.4.a", "Invalid content was found starting with element '{0}'. One of '{1}' is expected.");
		template("cvc-complex-type.2.4.b", "The content of element '{0}' is not complete. One of '{1}' is expected.");
		template("cvc-complex-type.2.4.c",
				"The matching wildcard is strict, but no declaration can be found for element '{0}'.");
		template("cvc-complex-type.2.4.d",
				"Invalid content was found starting with element '{0}'. No child element is expected at this point.");
		template("cvc-complex-type.2.4.d", "Invalid content was found starting with element '{0}'. No child element '{1}' "
				+ "is expected at this point.");
		template("cvc-complex-type.2.4.e", "'{0}' can occur a maximum of '{2}' times in the current sequence. This limit "
				+ "was exceeded. At this point one of '{1}' is expected.");
		template("cvc-complex-type.2.4.f", "'{0}' can occur a maximum of '{1}' times in the current sequence. This limit "
				+ "was exceeded. No child element is expected at this point.");
		template("cvc-complex-type.2.4.g", "Invalid content was found starting with element '{0}'. '{1}' is expected to "
				+ "occur a minimum of '{2}' times in the current sequence. One more instance is required to satisfy this "
				+ "constraint.");
		template("cvc-complex-type.2.4.h", "Invalid content was found starting with element '{0}'. '{1}' is expected to "
				+ "occur a minimum of '{2}' times in the current sequence. '{3}' more instances are required to satisfy "
				+ "this constraint.");
		template("cvc-complex-type.2.4.i", "The content of element '{0}' is not complete. '{1}' is expected to occur a "
				+ "minimum of '{2}' times. One more instance is required to satisfy this constraint.");
		template("cvc-complex-type.2.4.j", "The content of element '{0}' is not complete. '{1}' is expected to occur a "
				+ "minimum of '{2}' times. '{3}' more instances are required to satisfy this constraint.");
		template("cvc-complex-type.3.2.1", "Element '{0}' does not have an attribute wildcard for attribute '{1}'.");
		template("cvc-complex-type.3.2.2", "Attribute '{1}' is not allowed to appear in element '{0}'.");
		template("cvc-complex-type.4", "Attribute '{1}' must appear on element '{0}'.");
		template("cvc-complex-type.4", "Attribute '{1}' belonging to namespace '{2}', must appear on element '{0}'.");
		template("cvc-datatype-valid.1.2.1", "'{0}' is not a valid value for '{1}'.");
		template("cvc-datatype-valid.1.2.2", "'{0}' is not a valid value of list type '{1}'.");
		template("cvc-datatype-valid.1.2.3", "'{0}' is not a valid value of union type '{1}'.");
		template("cvc-elt.1.a", "Cannot find the declaration of element '{0}'.");
		template("cvc-elt.1", "Cannot find the declaration of element '{0}'.");
		template("cvc-enumeration-valid",
				"Value '{0}' is not facet-valid with respect to enumeration '{1}'. It must be a value from the enumeration.");
		template("cvc-fractionDigits-valid",
				"Value '{0}' has {1} fraction digits, but the number of fraction digits has been limited to {2}.");
		template("cvc-totalDigits-valid",
				"Value '{0}' has {1} total digits, but the number of total digits has been limited to {2}.");
		for (String facet : List.of("length", "minLength", "maxLength")) {
			template("cvc-" + facet + "-valid", "Value '{0}' with length = '{1}' is not facet-valid with respect to " + facet
					+ " '{2}' for type '{3}'.");
		}
		for (String facet : List.of("minInclusive", "maxInclusive", "minExclusive", "maxExclusive", "pattern")) {
			template("cvc-" + facet + "-valid",
					"Value '{0}' is not facet-valid with respect to " + facet + " '{1}' for type '{2}'.");
		}
		template("cvc-type.3.1.1", "Element '{0}' is a simple type, so it cannot have attributes, excepting those whose "
				+ "namespace name is identical to 'http://www.w3.org/2001/XMLSchema-instance' and whose [local name] is one "
				+ "of 'type', 'nil', 'schemaLocation' or 'noNamespaceSchemaLocation'. However, the attribute, '{1}' was "
				+ "found.");
		template("cvc-type.3.1.2",
				"Element '{0}' is a simple type, so it must have no element information item [children].");
		template("cvc-type.3.1.3", "The value '{1}' of element '{0}' is not valid.");
	}

	XercesMessage {
		args = List.copyOf(args);
	}

	/**
	 * Reads one message of the validator.
	 * @param message as the validator reported it
	 * @return the key and arguments, or {@code null} for a message of no known template
	 */
	static @Nullable XercesMessage parse(String message) {
		int colon = message.indexOf(": ");
		if (colon < 0) {
			return null;
		}
		List<Template> templates = TEMPLATES.get(message.substring(0, colon));
		if (templates == null) {
			return null;
		}
		String text = message.substring(colon + 2);
		for (Template template : templates) {
			Matcher matcher = template.pattern.matcher(text);
			if (matcher.matches()) {
				String[] args = new String[template.arity];
				Arrays.fill(args, "");
				for (int group = 1; group <= matcher.groupCount(); group++) {
					args[template.order[group - 1]] = matcher.group(group);
				}
				return new XercesMessage(template.key, List.of(args));
			}
		}
		return null;
	}

	String arg(int index) {
		return (index < this.args.size()) ? this.args.get(index) : "";
	}

	/**
	 * The names in an argument that lists elements, as the validator writes them:
	 * {@code {"http://…/TKhaiThue":ct40, "http://…/TKhaiThue":ct41}}, {@code "http://…/TKhaiThue":ChiTiet} or
	 * {@code ct44}.
	 * @param list the argument
	 * @return each name with its namespace ({@code ""} when none is written), in order
	 */
	static List<QualifiedName> names(String list) {
		String names = list.strip();
		if (names.startsWith("{") && names.endsWith("}")) {
			names = names.substring(1, names.length() - 1);
		}
		List<QualifiedName> result = new ArrayList<>();
		for (String name : names.split(", ")) {
			result.add(QualifiedName.of(name.strip()));
		}
		return result;
	}

	/**
	 * An element name as the validator writes it in a list.
	 * @param namespace its namespace, {@code ""} when none is written
	 * @param localName its local name, or the validator's text for what is not an element (a wildcard)
	 */
	record QualifiedName(String namespace, String localName) {

		static QualifiedName of(String written) {
			if (written.startsWith("\"")) {
				int end = written.indexOf("\":", 1);
				if (end > 0) {
					return new QualifiedName(written.substring(1, end), written.substring(end + 2));
				}
			}
			return new QualifiedName("", written);
		}

	}

	/** Adds a template under the key the validator prints. */
	private static void template(String key, String text) {
		TEMPLATES.computeIfAbsent(key, (printed) -> new ArrayList<>()).add(Template.of(key, text));
	}

	private record Template(String key, Pattern pattern, int[] order, int arity) {

		private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)\\}");

		static Template of(String key, String text) {
			StringBuilder regex = new StringBuilder();
			List<Integer> order = new ArrayList<>();
			Matcher matcher = PLACEHOLDER.matcher(text);
			int from = 0;
			int arity = 0;
			while (matcher.find()) {
				// the first argument written is the one that holds the filer's text (a value; element names hold no
				// quote): taken greedily, so that a value that repeats the template's own words ("' with length =
				// '1E999999999' …") stays in it, and the arguments after it are the validator's, from the schema
				regex.append(Pattern.quote(text.substring(from, matcher.start()))).append(order.isEmpty() ? "(.*)" : "(.*?)");
				int index = Integer.parseInt(matcher.group(1));
				order.add(index);
				arity = Math.max(arity, index + 1);
				from = matcher.end();
			}
			regex.append(Pattern.quote(text.substring(from)));
			return new Template(key, Pattern.compile(regex.toString(), Pattern.DOTALL),
					order.stream().mapToInt(Integer::intValue).toArray(), arity);
		}

	}

}
