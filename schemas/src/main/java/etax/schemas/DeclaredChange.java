package etax.schemas;

/**
 * One row of a supplementary return's explanation (01-1/KHBS, appendix {@code PL01_1_KHBS}): an indicator
 * the supplement changes, with the figure the taxpayer says was declared before and the adjusted one. The
 * filing side checks the declared figure against the return in force (VN-ETAX.md §3.6 R-DUP-3).
 *
 * @param indicator the indicator code as written ({@code maChiTieu}, e.g. {@code 40} or {@code [40]})
 * @param declared the declared figure as written ({@code soDaKeKhai})
 * @param adjusted the adjusted figure as written ({@code soDieuChinh})
 * @param xpath where the row is, e.g. {@code /HSoThueDTu/HSoKhaiThue/PLuc/PL01_1_KHBS/GiaiTrinh/ChiTiet[2]}
 */
public record DeclaredChange(String indicator, String declared, String adjusted, String xpath) {

	/**
	 * The body leaf the code names: {@code ct} and the printed number, as the bodies name them
	 * ({@code [40]}, {@code 40} and {@code ct40} all name {@code ct40}).
	 * @return the leaf name
	 */
	public String indicatorName() {
		String code = this.indicator.strip();
		if (code.startsWith("[") && code.endsWith("]")) {
			code = code.substring(1, code.length() - 1).strip();
		}
		return code.startsWith("ct") ? code : "ct" + code;
	}

}
