package etax.schemas;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of what a return says: the {@code HSoKhaiThue} element in a canonical form, so that the same
 * return re-sent with another signature, another indentation, another encoding or other namespace prefixes
 * has the same digest, and any changed value, element or order a different one. The form is the sequence,
 * in document order, of each element's start (namespace and local name), each leaf's text without
 * surrounding whitespace, and each element's end, separated by bytes that XML text cannot contain.
 * Attributes are left out: the envelope's only one is the signature's reference id.
 */
final class ContentDigest {

	private static final byte START = 1;

	private static final byte TEXT = 2;

	private static final byte END = 3;

	private static final byte SEPARATOR = 0;

	private final MessageDigest sha256;

	private int nesting;

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

	void start(String namespace, String localName) {
		this.nesting++;
		this.sha256.update(START);
		update(namespace);
		update(localName);
	}

	void text(String stripped) {
		this.sha256.update(TEXT);
		update(stripped);
	}

	void end() {
		this.nesting--;
		this.sha256.update(END);
	}

	/** @return lower-case hex; the digest cannot be used afterwards */
	String hex() {
		return HexFormat.of().formatHex(this.sha256.digest());
	}

	private void update(String value) {
		this.sha256.update(value.getBytes(StandardCharsets.UTF_8));
		this.sha256.update(SEPARATOR);
	}

}
