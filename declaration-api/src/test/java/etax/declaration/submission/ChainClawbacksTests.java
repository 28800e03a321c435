package etax.declaration.submission;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.schemas.Category;
import etax.schemas.Finding;
import etax.schemas.RefundClawback;
import etax.schemas.Severity;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a supplement's [14] charges against the chain's clawbacks, said where it differs from what a filer may
 * expect: a lower figure takes nothing back (CTX-DUP-13), a new day under a sub-item charged is another refund
 * (CTX-DUP-14).
 */
class ChainClawbacksTests {

	private static final LocalDate APRIL_20 = LocalDate.of(2026, 4, 20);

	private static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);

	private static final List<ReturnChains.Member> CHARGED = List.of(member("C1", null),
			member("B1", clawback("1701", 10_000_000, APRIL_20)), member("B2", clawback("1701", 10_000_000, APRIL_20)),
			member("B3", clawback("1701", 12_000_000, APRIL_20)));

	@Test
	void aLowerFigureTakesNothingBackAndSaysWhatWasChargedByWhichReturns() {
		List<Finding> findings = ChainClawbacks.check(clawback("1701", 2_000_000, APRIL_20), CHARGED);

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.ruleId()).isEqualTo("CTX-DUP-13");
			assertThat(finding.severity()).isEqualTo(Severity.WARNING);
			assertThat(finding.category()).isEqualTo(Category.DUPLICATE_CONDITION);
			assertThat(finding.xpath()).isEqualTo("/HSoThueDTu/HSoKhaiThue/PLuc/PL01_KHBS/HoanThueThuHoi/ct14");
			assertThat(finding.value()).isEqualTo("2000000");
			assertThat(finding.message().en()).isEqualTo("[14] declares 2000000 to pay back of the refund received on "
					+ "2026-04-20 (sub-item 1701), less than the chain already charged: 12000000 (transaction codes B1, "
					+ "B3); nothing is taken back.");
			assertThat(finding.remedy().en()).contains("the same figure again if an earlier supplement declared it "
					+ "(12000000)").contains("corrected by the tax office");
			assertThat(finding.message().vi()).contains("mã giao dịch B1, B3");
		});
	}

	@Test
	void theSameOrAHigherFigureIsWhatTheModelExpects() {
		assertThat(ChainClawbacks.check(clawback("1701", 12_000_000, APRIL_20), CHARGED)).isEmpty();
		assertThat(ChainClawbacks.check(clawback("1701", 15_000_000, APRIL_20), CHARGED)).isEmpty();
		assertThat(ChainClawbacks.check(null, CHARGED)).as("no section B").isEmpty();
		assertThat(ChainClawbacks.check(clawback(null, 1_000_000, APRIL_20), CHARGED))
			.as("no sub-item: KHBS01-R004 refuses it")
			.isEmpty();
		assertThat(ChainClawbacks.check(clawback("1701", 1_000_000, APRIL_20), List.of(member("C1", null))))
			.as("nothing charged yet")
			.isEmpty();
	}

	@Test
	void aNewDayUnderASubItemChargedIsAnotherRefundChargedInFull() {
		List<Finding> findings = ChainClawbacks.check(clawback("1701", 5_000_000, MARCH_10), CHARGED);

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.ruleId()).isEqualTo("CTX-DUP-14");
			assertThat(finding.severity()).isEqualTo(Severity.WARNING);
			assertThat(finding.xpath())
				.isEqualTo("/HSoThueDTu/HSoKhaiThue/PLuc/PL01_KHBS/HoanThueThuHoi/ngayNhanHoan");
			assertThat(finding.value()).isEqualTo("2026-03-10");
			assertThat(finding.message().en()).isEqualTo("The chain already charged the refund under sub-item 1701 "
					+ "received on 2026-04-20 (12000000, transaction codes B1, B3); the one received on 2026-03-10 is "
					+ "another refund: its 5000000 is charged in full.");
			assertThat(finding.remedy().en()).contains("ask the tax office");
		});
		assertThat(ChainClawbacks.check(clawback("1702", 5_000_000, MARCH_10), CHARGED))
			.as("another sub-item is plainly another refund")
			.isEmpty();
	}

	private static RefundClawback clawback(@Nullable String subItem, long amount, LocalDate receivedOn) {
		return new RefundClawback(amount, subItem, receivedOn);
	}

	private static ReturnChains.Member member(String transactionCode, @Nullable RefundClawback clawback) {
		return new ReturnChains.Member(UUID.randomUUID(), transactionCode, (clawback != null) ? "B" : "C",
				(clawback != null) ? Integer.parseInt(transactionCode.substring(1)) : 0, Map.of(), clawback, null);
	}

}
