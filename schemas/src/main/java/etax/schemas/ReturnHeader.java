package etax.schemas;

import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The envelope fields of a return that routing, duplicate checks and acknowledgements need, as written in
 * the file but for the MSTs, normalised (13 digits without the hyphen as {@code NNNNNNNNNN-NNN}, the head office's
 * own suffix {@code -000} dropped).
 *
 * @param mst taxpayer's tax code ({@code NNT/mst})
 * @param formCode printed form code from the catalog, e.g. {@code 01/GTGT}
 * @param maTKhai numeric form id, e.g. {@code 842}
 * @param version {@code pbanTKhaiXML}
 * @param filingType {@code loaiTKhai}: C first filing, B supplementary, T replacement
 * @param submissionNumber {@code soLan}: 0 for a first filing, n for the n-th supplement
 * @param period the declared period
 * @param taxOfficeCode {@code maCQTNoiNop}, the receiving tax office
 * @param signedOn {@code ngayKy}, or {@code null} when empty
 * @param agentMst {@code DLyThue/mstDLyThue}, or {@code null} when no tax agent is named
 */
public record ReturnHeader(String mst, String formCode, String maTKhai, String version, String filingType,
		int submissionNumber, TaxPeriod period, String taxOfficeCode, @Nullable LocalDate signedOn,
		@Nullable String agentMst) {

	public ReturnHeader {
		Objects.requireNonNull(mst, "mst");
		Objects.requireNonNull(formCode, "formCode");
		Objects.requireNonNull(maTKhai, "maTKhai");
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(filingType, "filingType");
		Objects.requireNonNull(period, "period");
		Objects.requireNonNull(taxOfficeCode, "taxOfficeCode");
	}

}
