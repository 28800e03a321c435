package etax.schemas;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The envelope of a generated return: who files, for which period, as which filing type.
 *
 * @param mst the taxpayer's valid 10-digit MST
 * @param taxpayerName the taxpayer's name
 * @param filingType {@code loaiTKhai}
 * @param submissionNumber {@code soLan}
 * @param period the declared period
 * @param taxOfficeCode {@code maCQTNoiNop}
 * @param createdOn {@code ngayLapTKhai} and {@code ngayKy}
 * @param agentMst the tax agent's MST, or {@code null} when the taxpayer files itself
 */
record GeneratedHeader(String mst, String taxpayerName, String filingType, int submissionNumber, TaxPeriod period,
		String taxOfficeCode, LocalDate createdOn, @Nullable String agentMst) {
}
