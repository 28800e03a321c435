package etax.declaration.signature;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import etax.schemas.ReturnHeader;
import etax.schemas.TaxPeriod;
import org.jspecify.annotations.Nullable;

/**
 * What the intake knows about a return that its signature must agree with.
 *
 * @param taxpayerMst {@code NNT/mst} as written (10 digits, or 13 for a branch, with or without the hyphen)
 * @param agentMst {@code DLyThue/mstDLyThue}, or {@code null} when no tax agent is named
 * @param signedOn the day the certificate must be valid on (Asia/Ho_Chi_Minh): {@code ngayKy} as far as it is
 * credible ({@link #signingDay}); when {@code null}, the day of verification
 * @param periodStart the first day of the tax period, which decides whether RSA-SHA1 is still accepted;
 * {@code null} when unknown (then it is not)
 * @param contracts which agents may sign for which taxpayers
 */
public record SignatureContext(String taxpayerMst, @Nullable String agentMst, @Nullable LocalDate signedOn,
		@Nullable LocalDate periodStart, AgentContracts contracts) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

	public SignatureContext {
		Objects.requireNonNull(taxpayerMst, "taxpayerMst");
		Objects.requireNonNull(contracts, "contracts");
		if (agentMst != null && agentMst.isBlank()) {
			agentMst = null;
		}
	}

	/**
	 * The context of a schema-valid return, judged on the day it was signed, as far as that day is credible
	 * ({@link #signingDay}).
	 * @param header the return's envelope
	 * @param receivedOn the day of its postmark, in Vietnam
	 * @param contracts which agents may sign for which taxpayers
	 * @return the context
	 */
	public static SignatureContext of(ReturnHeader header, LocalDate receivedOn, AgentContracts contracts) {
		return of(header, receivedOn, null, contracts);
	}

	/**
	 * @param header the return's header
	 * @param receivedOn the day of receipt
	 * @param signedNotBefore a day before which the return cannot have been signed, if one is known: for a
	 * supplement, the receipt of the return in force it corrects, whose figures it quotes
	 * @param contracts which agents may sign for which taxpayers
	 * @return the context
	 */
	public static SignatureContext of(ReturnHeader header, LocalDate receivedOn, @Nullable LocalDate signedNotBefore,
			AgentContracts contracts) {
		LocalDate periodStart = periodStart(header.period());
		return new SignatureContext(header.mst(), header.agentMst(), signingDay(header.signedOn(), periodStart,
				periodEnd(header.period(), periodStart), receivedOn, signedNotBefore), periodStart, contracts);
	}

	/**
	 * The day a certificate must have been valid: {@code ngayKy}, which the filer writes, only where it can be true,
	 * up to the day of receipt and from the earliest day the return can have been signed: for a return received
	 * after its period, the period's last day (its figures are known only then); during its period, the period's
	 * first day; before it (an advance declaration), the day of receipt. Otherwise the day of receipt, so that a
	 * certificate that had expired is not made good by a signing date written before its expiry.
	 * @param declared {@code ngayKy}, if written
	 * @param periodStart the period's first day, if known
	 * @param periodEnd the period's last day, if known
	 * @param receivedOn the day of receipt
	 * @return the day
	 */
	static LocalDate signingDay(@Nullable LocalDate declared, @Nullable LocalDate periodStart,
			@Nullable LocalDate periodEnd, LocalDate receivedOn) {
		return signingDay(declared, periodStart, periodEnd, receivedOn, null);
	}

	/**
	 * {@link #signingDay(LocalDate, LocalDate, LocalDate, LocalDate)}, not before a day known otherwise.
	 * @param notBefore a day before which the return cannot have been signed, or null
	 */
	static LocalDate signingDay(@Nullable LocalDate declared, @Nullable LocalDate periodStart,
			@Nullable LocalDate periodEnd, LocalDate receivedOn, @Nullable LocalDate notBefore) {
		LocalDate earliest;
		if (periodStart == null || receivedOn.isBefore(periodStart)) {
			earliest = receivedOn;
		}
		else if (periodEnd != null && receivedOn.isAfter(periodEnd)) {
			earliest = periodEnd;
		}
		else {
			earliest = periodStart;
		}
		if (notBefore != null && notBefore.isAfter(earliest) && !notBefore.isAfter(receivedOn)) {
			earliest = notBefore;
		}
		return (declared == null || declared.isAfter(receivedOn) || declared.isBefore(earliest)) ? receivedOn
				: declared;
	}

	/** The last day of a declared period whose first day is known: {@code kyKKhaiDenNgay} when given. */
	static @Nullable LocalDate periodEnd(TaxPeriod period, @Nullable LocalDate periodStart) {
		if (period.to() != null) {
			return period.to();
		}
		if (periodStart == null) {
			return null;
		}
		return switch (period.kind()) {
			case "M" -> periodStart.plusMonths(1).minusDays(1);
			case "Q" -> periodStart.plusMonths(3).minusDays(1);
			case "Y" -> periodStart.plusYears(1).minusDays(1);
			case "D" -> periodStart;
			default -> null;
		};
	}

	/**
	 * The first day of a declared period: {@code kyKKhaiTuNgay} when given, otherwise derived from
	 * {@code kyKKhai} for months ({@code MM/yyyy}), quarters ({@code q/yyyy}), years and single days.
	 * @param period the period as written
	 * @return its first day, or {@code null} when it cannot be told
	 */
	static @Nullable LocalDate periodStart(TaxPeriod period) {
		if (period.from() != null) {
			return period.from();
		}
		String value = period.value().trim();
		try {
			return switch (period.kind()) {
				case "M" -> LocalDate.of(Integer.parseInt(value.substring(value.indexOf('/') + 1)),
						Integer.parseInt(value.substring(0, value.indexOf('/'))), 1);
				case "Q" -> LocalDate.of(Integer.parseInt(value.substring(value.indexOf('/') + 1)),
						(Integer.parseInt(value.substring(0, value.indexOf('/'))) - 1) * 3 + 1, 1);
				case "Y" -> LocalDate.of(Integer.parseInt(value), 1, 1);
				case "D" -> LocalDate.parse(value, DAY);
				default -> null;
			};
		}
		catch (RuntimeException ex) {
			// NumberFormatException, DateTimeException, StringIndexOutOfBoundsException: not a period we can read
			return null;
		}
	}

}
