package etax.schemas;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the rows of {@code PLuc/PL01_1_KHBS/GiaiTrinh/ChiTiet} during the parse, as
 * {@link DeclaredChange}s. Depths count from the root {@code HSoThueDTu} (1).
 */
final class Explanations {

	static final String PATH = "/HSoThueDTu/HSoKhaiThue/PLuc/PL01_1_KHBS/GiaiTrinh/ChiTiet";

	private static final int APPENDIX_DEPTH = 4;

	private static final int ROW_DEPTH = 6;

	private final List<DeclaredChange> changes = new ArrayList<>();

	private boolean inside;

	private int rows;

	private String indicator = "";

	private String declared = "";

	private String adjusted = "";

	void start(int depth, String localName) {
		if (depth == APPENDIX_DEPTH) {
			this.inside = "PL01_1_KHBS".equals(localName);
		}
		else if (this.inside && depth == ROW_DEPTH && "ChiTiet".equals(localName)) {
			this.rows++;
			this.indicator = "";
			this.declared = "";
			this.adjusted = "";
		}
	}

	void value(String localName, String value) {
		if (!this.inside) {
			return;
		}
		switch (localName) {
			case "maChiTieu" -> this.indicator = value;
			case "soDaKeKhai" -> this.declared = value;
			case "soDieuChinh" -> this.adjusted = value;
			default -> {
				// the name, the difference and the reason are not compared with the return in force
			}
		}
	}

	void end(int depth) {
		if (this.inside && depth == ROW_DEPTH) {
			this.changes.add(new DeclaredChange(this.indicator, this.declared, this.adjusted,
					PATH + "[" + this.rows + "]"));
		}
		else if (depth == APPENDIX_DEPTH) {
			this.inside = false;
		}
	}

	List<DeclaredChange> changes() {
		return List.copyOf(this.changes);
	}

}
