package etax.ids;

import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * A taxpayer id (MST), in its canonical form: 10 digits whose last is a check digit
 * ({@code 0313829148}), the same followed by a branch suffix {@code -001}…{@code -999}
 * ({@code 0313829148-001}), or the 12-digit personal id individuals use since July 2025. Rules in
 * VN-ETAX §3.2. An MST is personal data: {@link #toString()} masks it.
 *
 * @param value the canonical MST
 */
public record TaxpayerId(String value) {

	private static final int[] WEIGHTS = { 31, 29, 23, 19, 17, 13, 7, 5, 3 };

	private static final Pattern ORGANISATION = Pattern.compile("\\d{10}(-(?!000)\\d{3})?");

	private static final Pattern PERSONAL = Pattern.compile("\\d{12}");

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Pattern WITHOUT_HYPHEN = Pattern.compile("\\d{13}");

	/** The object identifier of {@code UID} (RFC 4519), as a distinguished name may name it. */
	private static final String UID_OID = "0.9.2342.19200300.100.1.1";

	private static final String MST_PREFIX = "MST:";

	public TaxpayerId {
		if (!isValid(value)) {
			// never the value itself in the message: it ends up in logs and dead-letter headers
			throw new IllegalArgumentException("Not a valid MST (format or check digit)");
		}
	}

	/**
	 * Reads an MST as files write it, {@link #normalised normalised}.
	 * @param text the MST as written
	 * @return the taxpayer id
	 * @throws IllegalArgumentException if it is not a valid MST
	 */
	public static TaxpayerId parse(String text) {
		return new TaxpayerId(normalised(text));
	}

	/**
	 * An MST as files write it, in the canonical form but not checked (VN-ETAX §3.2, "normalise on input"): 13
	 * digits without the hyphen get it, and the suffix {@code 000} is the head office itself
	 * ({@code 0313829148000} and {@code 0313829148-000} are {@code 0313829148}, {@code 0313829148001} is
	 * {@code 0313829148-001}). For a caller that judges the result itself, such as a rule that reports a wrong
	 * check digit as a finding.
	 * @param text the MST as written
	 * @return the same MST written as this class writes it, or the text stripped when it is not of such a form
	 */
	public static String normalised(String text) {
		String value = text.strip();
		if (value.length() == 14 && value.charAt(10) == '-') {
			value = value.substring(0, 10) + value.substring(11);
		}
		if (!WITHOUT_HYPHEN.matcher(value).matches()) {
			return text.strip();
		}
		String suffix = value.substring(10);
		return suffix.equals("000") ? value.substring(0, 10) : value.substring(0, 10) + "-" + suffix;
	}

	/**
	 * The MSTs a certificate's subject names (VN-ETAX §1.6): the values of its {@code UID} attributes written
	 * {@code MST:<mst>}, every one, a multi-valued RDN's ({@code CN=x+UID=MST:...}) included, each as written after
	 * the prefix, stripped.
	 * @param subject the subject, a distinguished name (RFC 2253; {@code UID} by its keyword or its OID)
	 * @return those values
	 * @throws IllegalArgumentException if the subject is not a distinguished name
	 */
	public static List<String> namedIn(String subject) {
		try {
			List<String> msts = new ArrayList<>();
			for (Rdn rdn : new LdapName(subject).getRdns()) {
				NamingEnumeration<? extends Attribute> attributes = rdn.toAttributes().getAll();
				while (attributes.hasMore()) {
					Attribute attribute = attributes.next();
					if ("UID".equalsIgnoreCase(attribute.getID()) || UID_OID.equals(attribute.getID())) {
						// one attribute holds every value of its type in the RDN (UID=MST:a+UID=MST:b)
						NamingEnumeration<?> values = attribute.getAll();
						while (values.hasMore()) {
							if (values.next() instanceof String uid && uid.regionMatches(true, 0, MST_PREFIX, 0, 4)) {
								msts.add(uid.substring(MST_PREFIX.length()).strip());
							}
						}
					}
				}
			}
			return msts;
		}
		catch (NamingException ex) {
			throw new IllegalArgumentException("Not a distinguished name", ex);
		}
	}

	public static boolean isValid(String value) {
		if (PERSONAL.matcher(value).matches()) {
			// no public check digit: the province of birth registration (001-096), then the gender and century digit
			// (0/1 the 1900s, 2/3 the 2000s, 4/5 the 2100s, ...) and the year of birth, which has come
			int province = Integer.parseInt(value.substring(0, 3));
			int born = 1900 + (value.charAt(3) - '0') / 2 * 100 + Integer.parseInt(value.substring(4, 6));
			return province >= 1 && province <= 96 && born <= Year.now(VIETNAM).getValue();
		}
		return ORGANISATION.matcher(value).matches() && value.charAt(9) - '0' == checkDigit(value);
	}

	/**
	 * N10 = 10 − (S mod 11) with S the weighted sum of N1…N9; a remainder of 10 gives 0, and a remainder of
	 * 0 (which would give 10) marks a prefix no MST has, so it returns -1.
	 */
	private static int checkDigit(String digits) {
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			sum += WEIGHTS[i] * (digits.charAt(i) - '0');
		}
		int remainder = sum % 11;
		return (remainder == 0) ? -1 : (10 - remainder) % 10;
	}

	/** The head office of a branch, or this id itself. */
	public TaxpayerId headOffice() {
		return isBranch() ? new TaxpayerId(this.value.substring(0, 10)) : this;
	}

	/** Whether it is an individual's 12-digit personal id, not an MST of ten digits. */
	public boolean isPersonal() {
		return PERSONAL.matcher(this.value).matches();
	}

	public boolean isBranch() {
		return this.value.length() == 14;
	}

	@Override
	public String toString() {
		return "TaxpayerId[" + "*".repeat(this.value.length() - 3) + this.value.substring(this.value.length() - 3) + "]";
	}

}
