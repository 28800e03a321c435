package etax.declaration.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.xml.sax.Attributes;

/**
 * The SHA-256 of one element in Canonical XML 1.0 without comments (https://www.w3.org/TR/xml-c14n), written
 * from the events of a SAX parse as they come: what an XMLDSig reference to the element's ID digests when
 * its only transforms are the enveloped-signature one and inclusive C14N, with no DOM. Namespace
 * declarations are rendered where they change what is in scope (on the element itself, everything in
 * scope), sorted by prefix; attributes sorted by namespace and local name; text and attribute values
 * escaped as the specification says; empty elements as start and end tags; comments left out. Inherited
 * {@code xml:} attributes are not handled: {@link EnvelopeCapture} does not use this digest when an ancestor
 * has one. Not thread-safe; one per element.
 */
final class CanonicalDigest {

	private static final int FLUSH_AT = 4096;

	private static final Comparator<Attribute> ATTRIBUTE_ORDER = Comparator.comparing(Attribute::uri)
		.thenComparing(Attribute::localName);

	private final MessageDigest sha256;

	private final StringBuilder out = new StringBuilder(FLUSH_AT + 256);

	/** The namespaces in scope of each open element, by prefix ({@code ""}: the default namespace). */
	private final Deque<Map<String, String>> scopes = new ArrayDeque<>();

	CanonicalDigest() {
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	/**
	 * @param qName the element's name as written
	 * @param namespaces every namespace in scope on it, by prefix; the default one under {@code ""} (an empty
	 * URI when there is none)
	 * @param attributes its attributes, without namespace declarations
	 */
	void start(String qName, Map<String, String> namespaces, Attributes attributes) {
		Map<String, String> parent = this.scopes.isEmpty() ? Map.of() : this.scopes.peek();
		this.out.append('<').append(qName);
		if (namespaces != parent) {
			List<String> prefixes = new ArrayList<>();
			namespaces.forEach((prefix, uri) -> {
				String before = parent.get(prefix);
				boolean rendered = prefix.isEmpty() ? !uri.equals((before != null) ? before : "")
						: !uri.equals(before);
				if (rendered) {
					prefixes.add(prefix);
				}
			});
			prefixes.sort(null);
			for (String prefix : prefixes) {
				this.out.append(prefix.isEmpty() ? " xmlns=\"" : " xmlns:" + prefix + "=\"");
				attributeValue(namespaces.get(prefix));
				this.out.append('"');
			}
		}
		int count = attributes.getLength();
		if (count == 1) {
			attribute(attributes.getQName(0), attributes.getValue(0));
		}
		else if (count > 1) {
			List<Attribute> sorted = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				sorted.add(new Attribute(attributes.getURI(i), attributes.getLocalName(i), attributes.getQName(i),
						attributes.getValue(i)));
			}
			sorted.sort(ATTRIBUTE_ORDER);
			for (Attribute attribute : sorted) {
				attribute(attribute.qName(), attribute.value());
			}
		}
		this.out.append('>');
		this.scopes.push(namespaces);
		flushIfFull();
	}

	void text(char[] ch, int start, int length) {
		int end = start + length;
		int run = start;
		for (int i = start; i < end; i++) {
			String escaped = switch (ch[i]) {
				case '&' -> "&amp;";
				case '<' -> "&lt;";
				case '>' -> "&gt;";
				case '\r' -> "&#xD;";
				default -> null;
			};
			if (escaped != null) {
				this.out.append(ch, run, i - run).append(escaped);
				run = i + 1;
			}
		}
		this.out.append(ch, run, end - run);
		flushIfFull();
	}

	void processingInstruction(String target, String data) {
		this.out.append("<?").append(target);
		if (!data.isEmpty()) {
			this.out.append(' ').append(data);
		}
		this.out.append("?>");
	}

	void end(String qName) {
		this.out.append("</").append(qName).append('>');
		this.scopes.pop();
		flushIfFull();
	}

	/** @return the digest of everything written; this instance cannot be used afterwards */
	byte[] finish() {
		flush();
		return this.sha256.digest();
	}

	private void attribute(String qName, String value) {
		this.out.append(' ').append(qName).append("=\"");
		attributeValue(value);
		this.out.append('"');
	}

	private void attributeValue(String value) {
		int run = 0;
		for (int i = 0; i < value.length(); i++) {
			String escaped = switch (value.charAt(i)) {
				case '&' -> "&amp;";
				case '<' -> "&lt;";
				case '"' -> "&quot;";
				case '\t' -> "&#x9;";
				case '\n' -> "&#xA;";
				case '\r' -> "&#xD;";
				default -> null;
			};
			if (escaped != null) {
				this.out.append(value, run, i).append(escaped);
				run = i + 1;
			}
		}
		this.out.append(value, run, value.length());
	}

	private void flushIfFull() {
		// never between the two halves of a surrogate pair, which encode to UTF-8 together
		if (this.out.length() >= FLUSH_AT && !Character.isHighSurrogate(this.out.charAt(this.out.length() - 1))) {
			flush();
		}
	}

	private void flush() {
		this.sha256.update(this.out.toString().getBytes(StandardCharsets.UTF_8));
		this.out.setLength(0);
	}

	private record Attribute(String uri, String localName, String qName, String value) {

	}

}
