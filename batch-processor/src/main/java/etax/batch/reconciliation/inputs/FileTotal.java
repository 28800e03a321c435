package etax.batch.reconciliation.inputs;

import java.math.BigDecimal;

/**
 * What a daily file held in one currency.
 *
 * @param currency VND or USD
 * @param lines its voucher lines (statement lines, for the treasury) in that currency
 * @param amount their sum
 */
public record FileTotal(String currency, int lines, BigDecimal amount) {

}
