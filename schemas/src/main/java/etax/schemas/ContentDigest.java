package etax.schemas;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import org.xml.sax.Attributes;

/**
 * The SHA-256 of what a return says: the {@code HSoKhaiThue} element in a canonical form, so that the same
 * return re-sent with another signature, another indentation, another encoding or other namespace prefixes
 * has the same digest, and any changed value, attribute, element or order a different one. The form is the
 * sequence, in document order, of each element's start (namespace and local name, then its attributes sorted by
 * namespace and name, each with its value), each leaf's text without surrounding whitespace, any other text that is
 * not only whitespace (mixed content, which lax appendices allow), and each element's end, separated by bytes that
 * XML text cannot contain. The one attribute left out is {@code HSoKhaiThue}'s own {@code id}, the signature's
 * reference, which says nothing of the return. A return without attributes or mixed content digests as it did
 * before they were counted.
 */
final class ContentDigest {

	private static final byte START = 1;

	private static final byte TEXT = 2;

	private static final byte END = 3;

	private static final byte ATTRIBUTE = 4;

	private static final byte SEPARATOR = 0;

	private static final Comparator<String[]> BY_NAME = Comparator.<String[], String>comparing((attribute) -> attribute[0])
		.thenComparing((attribute) -> attribute[1]);

	private final MessageDigest sha256;

	private final StringBuilder text = new StringBuilder();

	private int nesting;

	private boolean leaf;

	ContentDigest() {
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	/** Whether the parse is inside {@code HSoKhaiThue}. */
	boolean active() {
		return this.nesting > 0;
	}

	void start(String namespace, String localName, Attributes attributes) {
		mixedText();
		boolean declaration = this.nesting == 0;
		this.nesting++;
		this.leaf = true;
		this.sha256.update(START);
		update(namespace);
		update(localName);
		if (attributes.getLength() == 0) {
			return;
		}
		List<String[]> named = new ArrayList<>(attributes.getLength());
		for (int i = 0; i < attributes.getLength(); i++) {
			if (!(declaration && attributes.getURI(i).isEmpty() && "id".equals(attributes.getLocalName(i)))) {
				named.add(new String[] { attributes.getURI(i), attributes.getLocalName(i), attributes.getValue(i) });
			}
		}
		named.sort(BY_NAME);
		for (String[] attribute : named) {
			this.sha256.update(ATTRIBUTE);
			update(attribute[0]);
			update(attribute[1]);
			update(attribute[2]);
		}
	}

	void characters(char[] ch, int start, int length) {
		this.text.append(ch, start, length);
	}

	void end() {
		if (this.leaf) {
			this.sha256.update(TEXT);
			update(this.text.toString().strip());
			this.text.setLength(0);
		}
		else {
			mixedText();
		}
		this.leaf = false;
		this.nesting--;
		this.sha256.update(END);
	}

	/** @return lower-case hex; the digest cannot be used afterwards */
	String hex() {
		return HexFormat.of().formatHex(this.sha256.digest());
	}

	/** Text beside child elements, which formatting alone never is. */
	private void mixedText() {
		if (!blank(this.text)) {
			this.sha256.update(TEXT);
			update(this.text.toString().strip());
		}
		this.text.setLength(0);
	}

	/** Whether the text is only whitespace, as {@link String#strip} tells it, read without a copy. */
	private static boolean blank(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			if (!Character.isWhitespace(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private void update(String value) {
		this.sha256.update(value.getBytes(StandardCharsets.UTF_8));
		this.sha256.update(SEPARATOR);
	}

}
