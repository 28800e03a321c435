package etax.schemas;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an XML document is written in UTF-8, as returns and bundles must be (VN-ETAX.md §3.1 R-ENV-1): read
 * from its first bytes (a UTF-16 or UTF-32 byte order mark, zero bytes of a wide encoding, or {@code <?xm} in EBCDIC,
 * which the JDK's parser detects and then reads in the EBCDIC code page the declaration names) and the encoding its
 * XML declaration names. The parsers would read other encodings; the filing system takes only UTF-8.
 */
final class Utf8Check {

	private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([^\"']*)[\"']");

	/**
	 * An encoding's name as XML writes one ({@code EncName}). The name is read from the bytes before any parse,
	 * and findings quote it: another name (a control character, a space) is no encoding, which the parser
	 * refuses as not well-formed, and is not quoted.
	 */
	private static final Pattern ENCODING_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final byte[] DECLARATION = "<?xml".getBytes(StandardCharsets.US_ASCII);

	/** {@code <?xm} in EBCDIC: the first bytes by which XML 1.0 (Appendix F) tells an EBCDIC document. */
	private static final byte[] EBCDIC_DECLARATION = { 0x4C, 0x6F, (byte) 0xA7, (byte) 0x94 };

	private Utf8Check() {
	}

	/**
	 * @param xml the document as received
	 * @return the encoding it is written in, when not UTF-8 ({@code a wide encoding} when only its bytes tell): a
	 * name of letters, digits and {@code ._-}, of any length
	 */
	static Optional<String> otherEncoding(byte[] xml) {
		int start = startsWith(xml, 0, UTF8_BOM) ? UTF8_BOM.length : 0;
		if (xml.length >= start + 2 && (xml[start] == 0 || xml[start + 1] == 0 || (xml[start] & 0xFE) == 0xFE)) {
			return Optional.of("a wide encoding (UTF-16 or UTF-32)");
		}
		if (startsWith(xml, start, EBCDIC_DECLARATION)) {
			return Optional.of("EBCDIC");
		}
		if (startsWith(xml, start, DECLARATION)) {
			int end = indexOf(xml, start, (byte) '>');
			String declaration = new String(xml, start, Math.max(0, end - start), StandardCharsets.US_ASCII);
			Matcher encoding = ENCODING.matcher(declaration);
			if (encoding.find() && ENCODING_NAME.matcher(encoding.group(1)).matches()
					&& !encoding.group(1).toUpperCase(Locale.ROOT).equals("UTF-8")) {
				return Optional.of(encoding.group(1));
			}
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] xml, int at, byte[] prefix) {
		if (xml.length < at + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (xml[at + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(byte[] xml, int from, byte b) {
		for (int i = from; i < xml.length; i++) {
			if (xml[i] == b) {
				return i;
			}
		}
		return xml.length;
	}

}
