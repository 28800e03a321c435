package etax.schemas;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Collects section B of a supplement's summary ({@code PLuc/PL01_KHBS/HoanThueThuHoi}: [14], {@code tieuMuc},
 * {@code ngayNhanHoan}) during the parse, as a {@link RefundClawback}; the first such section counts. Depths count
 * from the root {@code HSoThueDTu} (1). Read only once the XSD found no error, which guarantees the lexical forms.
 */
final class RefundSection {

	private static final int APPENDIX_DEPTH = 4;

	private static final int GROUP_DEPTH = 5;

	private static final int LEAF_DEPTH = 6;

	private boolean inAppendix;

	private boolean inGroup;

	private boolean read;

	private String amount = "";

	private String subItem = "";

	private String receivedOn = "";

	void start(int depth, String localName) {
		if (depth == APPENDIX_DEPTH) {
			this.inAppendix = "PL01_KHBS".equals(localName);
		}
		else if (this.inAppendix && depth == GROUP_DEPTH) {
			this.inGroup = !this.read && "HoanThueThuHoi".equals(localName);
		}
	}

	void value(int depth, String localName, String value) {
		if (!this.inGroup || depth != LEAF_DEPTH) {
			return;
		}
		switch (localName) {
			case "ct14" -> this.amount = value;
			case "tieuMuc" -> this.subItem = value;
			case "ngayNhanHoan" -> this.receivedOn = value;
			default -> {
				// [15] and [16] are the taxpayer's own interest figures, checked by the appendix's rules
			}
		}
	}

	void end(int depth) {
		if (this.inGroup && depth == GROUP_DEPTH) {
			this.inGroup = false;
			this.read = true;
		}
		else if (depth == APPENDIX_DEPTH) {
			this.inAppendix = false;
		}
	}

	/** The refund to pay back, or {@code null} when there is no section B or its [14] is absent or 0. */
	@Nullable RefundClawback clawback() {
		long refund;
		try {
			refund = this.amount.isEmpty() ? 0 : Long.parseLong(this.amount);
		}
		catch (NumberFormatException ex) {
			return null;
		}
		if (refund <= 0) {
			return null;
		}
		return new RefundClawback(refund, this.subItem.isEmpty() ? null : this.subItem, day(this.receivedOn));
	}

	private static @Nullable LocalDate day(String text) {
		try {
			return text.isEmpty() ? null : LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
