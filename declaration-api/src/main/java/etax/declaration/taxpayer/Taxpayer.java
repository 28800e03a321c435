package etax.declaration.taxpayer;

import etax.ids.TaxpayerId;

/**
 * A registered taxpayer as the intake sees it.
 *
 * @param mst the taxpayer id
 * @param name the registered name
 * @param status {@code ACTIVE}, {@code SUSPENDED} or {@code CLOSED}; only active taxpayers file
 * @param eFiling whether the taxpayer is enrolled for electronic filing
 * @param filingFrequency {@code M} (monthly) or {@code Q} (quarterly) for VAT and withheld PIT
 * @param taxOfficeCode the managing tax office (maCQTNoiNop)
 * @param chapter the budget chapter (mã chương) its payments are booked under
 */
public record Taxpayer(String mst, String name, String status, boolean eFiling, String filingFrequency,
		String taxOfficeCode, String chapter) {

	public boolean isActive() {
		return "ACTIVE".equals(this.status);
	}

	@Override
	public String toString() {
		return "Taxpayer[" + new TaxpayerId(this.mst) + ", status=" + this.status + "]";
	}

}
