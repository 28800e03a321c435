package etax.declaration.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import etax.ids.TaxpayerId;
import etax.schemas.Category;
import etax.schemas.Finding;
import etax.schemas.FormCatalog;
import etax.schemas.ReturnDocument;
import etax.schemas.ReturnHeader;
import etax.schemas.Severity;

import static etax.declaration.submission.ContextFindings.finding;

/**
 * The dependent unit or business location a return of a form with a {@code Header} group (01/GTGT, 05/GTGT;
 * VN-ETAX.md §1.5) is filed for: named by its MST [10] ({@code ct10}), the taxpayer's ten digits and a suffix
 * 001–999 (§3.2), or nothing for the taxpayer itself. It is part of the chain key ({@link ReturnChains#keyOf}), so
 * what it may be decides which chains exist: [10] written as the taxpayer's own MST (any spelling) is the
 * taxpayer itself and keys the chain of an empty [10] (CTX-DUP-01 meets a second original written so); any other
 * [10] must be a unit of the taxpayer (CTX-UNIT-01), and a name [09] without [10] opens no chain of its own
 * (CTX-UNIT-02): otherwise any text there started a fresh chain for the same taxpayer and period, a second original
 * was accepted beside the first and the chain's carried-over checks were escaped (ADR 0010). 02/GTGT's project
 * name [09] is not concerned: that form has no [10] in its chain ({@link FormCatalog#chainFields}).
 */
final class DependentUnit {

	/** The longest unit part kept as written: well within an index entry with the rest of the key. */
	static final int MAX_KEY_PART_BYTES = 1_024;

	static final String NAME = "ct09";

	static final String MST = "ct10";

	private static final String XPATH = "/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/Header/";

	/** A dependent unit's MST written without its hyphen (VN-ETAX.md §3.2): ten digits and the suffix. */
	private static final Pattern WITHOUT_HYPHEN = Pattern.compile("(\\d{10})(\\d{3})");

	/** A dependent unit's MST as {@link TaxpayerId#normalised} writes it: the suffix 000 is gone by then. */
	private static final Pattern UNIT = Pattern.compile("(\\d{10})-\\d{3}");

	private DependentUnit() {
	}

	/**
	 * The unit's part of a chain key: empty for the taxpayer itself ([10] empty, or its own MST however spelt, with
	 * or without {@code -000}); the unit's MST as §3.2 writes it ({@link #spelt}); or {@code @} and the name [09]
	 * when [10] is empty. Returns stored before V14, V31 and V34 were re-keyed by those migrations the same way.
	 * @param document the return
	 * @param fields the form's chain fields ({@link FormCatalog#chainFields})
	 * @return the part, empty when the form has no unit or the return is the taxpayer's own
	 */
	static String keyPart(ReturnDocument document, List<String> fields) {
		String unitMst = fields.contains(MST) ? document.indicators().getOrDefault(MST, "") : "";
		String unitName = fields.contains(NAME) ? document.indicators().getOrDefault(NAME, "") : "";
		if (!unitMst.isEmpty()) {
			return isTheTaxpayer(unitMst, document.header().mst()) ? "" : bounded(spelt(unitMst));
		}
		return unitName.isEmpty() ? "" : bounded("@" + unitName);
	}

	/**
	 * A key part as it is, or, when longer than {@value #MAX_KEY_PART_BYTES} bytes in UTF-8, {@code #} and the hex
	 * SHA-256 of it: the chain key is in B-tree indexes, whose entries PostgreSQL refuses past 2,704 bytes, and a
	 * filer's text in [10] or [09] may be a thousand multi-byte characters (refused by CTX-UNIT-01, but stored). Such
	 * an insert failed the whole group's transaction, every filing in it answered 503, again at every retry.
	 */
	static String bounded(String part) {
		byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
		if (bytes.length <= MAX_KEY_PART_BYTES) {
			return part;
		}
		try {
			return "#" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	/**
	 * CTX-UNIT-01 and CTX-UNIT-02, for a form whose chain has a unit MST [10].
	 * @param document the return
	 * @return the finding, if [10] is not a unit of the taxpayer, or [09] names a unit without [10]
	 */
	static Optional<Finding> check(ReturnDocument document) {
		List<String> fields = FormCatalog.load().chainFields(document.form().maTKhai(), document.form().version());
		if (!fields.contains(MST)) {
			return Optional.empty();
		}
		ReturnHeader header = document.header();
		String unitMst = document.indicators().getOrDefault(MST, "");
		String unitName = fields.contains(NAME) ? document.indicators().getOrDefault(NAME, "") : "";
		if (unitMst.isEmpty()) {
			return unitName.isEmpty() ? Optional.empty() : Optional.of(finding("CTX-UNIT-02", Category.MISSING_DATA,
					Severity.REJECT, XPATH + MST, unitName,
					"Tờ khai ghi tên đơn vị phụ thuộc, địa điểm kinh doanh [09] nhưng không ghi mã số thuế của đơn vị [10].",
					"The return names a dependent unit or business location in [09] but gives no MST for it in [10].",
					"Ghi mã số thuế 13 số của đơn vị phụ thuộc (" + head(header.mst()) + "-NNN) vào [10], hoặc để trống "
							+ "[09] và [10] khi khai cho chính người nộp thuế.",
					"Write the unit's 13-digit MST (" + head(header.mst()) + "-NNN) in [10], or leave [09] and [10] "
							+ "empty when the return is the taxpayer's own."));
		}
		if (isTheTaxpayer(unitMst, header.mst()) || isUnitOf(unitMst, header.mst())) {
			return Optional.empty();
		}
		return Optional.of(finding("CTX-UNIT-01", Category.INCORRECT_DATA, Severity.REJECT, XPATH + MST, unitMst,
				"[10] không phải mã số thuế của một đơn vị phụ thuộc, địa điểm kinh doanh của người nộp thuế "
						+ header.mst() + " (10 số của người nộp thuế và 3 số đuôi từ 001 đến 999).",
				"[10] is not the MST of a dependent unit or business location of taxpayer " + header.mst()
						+ " (the taxpayer's ten digits and a suffix from 001 to 999).",
				"Ghi [10] theo dạng " + head(header.mst()) + "-NNN; để trống [09] và [10] khi khai cho chính người nộp "
						+ "thuế; đơn vị có mã số thuế khác tự khai bằng mã số thuế của mình.",
				"Write [10] as " + head(header.mst()) + "-NNN; leave [09] and [10] empty when the return is the "
						+ "taxpayer's own; a unit with another MST files under its own MST."));
	}

	/** Whether [10] names the filer itself: its own MST, however spelt (§3.2: {@code …000} is the head office). */
	private static boolean isTheTaxpayer(String unitMst, String mst) {
		return TaxpayerId.normalised(unitMst).equals(mst);
	}

	/** Whether [10] is a dependent unit of the filer: the filer's ten digits, a hyphen or not, and 001–999. */
	private static boolean isUnitOf(String unitMst, String mst) {
		Matcher unit = UNIT.matcher(TaxpayerId.normalised(unitMst));
		return unit.matches() && unit.group(1).equals(head(mst));
	}

	/** The taxpayer's ten digits: those of its head office for a branch. */
	private static String head(String mst) {
		int hyphen = mst.indexOf('-');
		return (hyphen < 0) ? mst : mst.substring(0, hyphen);
	}

	/**
	 * A unit's MST as §3.2 writes it, so that both spellings name one unit: 13 digits without the hyphen are the ten
	 * and the suffix, {@code …000} the head office; anything else as written (the spelling of V31, which CTX-UNIT-01
	 * now refuses in a new return, but which keeps the keys of returns stored before).
	 */
	private static String spelt(String unitMst) {
		Matcher digits = WITHOUT_HYPHEN.matcher(unitMst);
		if (!digits.matches()) {
			return unitMst;
		}
		return "000".equals(digits.group(2)) ? digits.group(1) : digits.group(1) + "-" + digits.group(2);
	}

}
