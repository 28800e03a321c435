package etax.payment.correction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import etax.payment.correction.CorrectionRepository.CodedMoney;
import etax.payment.correction.CorrectionRepository.Recode;
import etax.payment.correction.CorrectionRepository.RecodedLine;
import org.jspecify.annotations.Nullable;

/**
 * Where a line's money is coded now, after its RECODEs: a RECODE may move part of the money under one coding, so a
 * line's money can sit under several. Each RECODE, in the order recorded, takes its amount from the part of the
 * coding it named as paid and adds it to the part of its corrected coding.
 */
final class CodingParts {

	private CodingParts() {
	}

	/** The line's money by coding, the line's own coding first, then in the order RECODEs first coded it so. */
	static List<CodedMoney> of(RecodedLine line) {
		List<CodedMoney> parts = new ArrayList<>(List.of(line.paid()));
		for (Recode recode : line.recodes()) {
			BigDecimal moved = Objects.requireNonNull(recode.to().amount());
			add(parts, recode.from(), moved.negate(), null);
			add(parts, recode.to(), moved, recode.to().recodedBy());
		}
		return parts;
	}

	private static void add(List<CodedMoney> parts, CodedMoney coding, BigDecimal amount,
			@Nullable String recodedBy) {
		for (int i = 0; i < parts.size(); i++) {
			CodedMoney part = parts.get(i);
			if (part.sameCoding(coding)) {
				BigDecimal sum = Objects.requireNonNull(part.amount()).add(amount);
				if (sum.signum() <= 0) {
					parts.remove(i);
				}
				else {
					parts.set(i, new CodedMoney(part.chapter(), part.subItem(), part.areaCode(), sum,
							(recodedBy != null) ? recodedBy : part.recodedBy()));
				}
				return;
			}
		}
		if (amount.signum() > 0) {
			parts.add(new CodedMoney(coding.chapter(), coding.subItem(), coding.areaCode(), amount, recodedBy));
		}
	}

}
