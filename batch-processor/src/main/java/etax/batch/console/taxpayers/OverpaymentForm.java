package etax.batch.console.taxpayers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import etax.batch.console.Paging;
import org.jspecify.annotations.Nullable;

/**
 * A taxpayer's 01/ĐNXLNT as an officer records it on the taxpayer's page, as typed: a refund of a general credit
 * into a bank account, or an offset of it against a payable item of the taxpayer or of another MST. The console
 * checks what it must to send it; whether the credit, the amount and the item allow it is payment-gateway's to say.
 *
 * @param kind {@code REFUND} or {@code OFFSET}
 * @param creditId one of the taxpayer's general credits
 * @param amount whole VND
 * @param documentNumber the number of the taxpayer's 01/ĐNXLNT
 * @param targetMst for an offset, the item's taxpayer
 * @param targetItem for an offset, the payable item
 * @param relation for an offset to another MST, how the two are related
 * @param bankCode for a refund, the bank's eight-digit code
 * @param account for a refund, the account number
 * @param accountName for a refund, the account holder
 */
record OverpaymentForm(@Nullable String kind, @Nullable String creditId, @Nullable String amount,
		@Nullable String documentNumber, @Nullable String targetMst, @Nullable String targetItem,
		@Nullable String relation, @Nullable String bankCode, @Nullable String account, @Nullable String accountName) {

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern AMOUNT = Pattern.compile("[1-9]\\d{0,17}");

	private static final Pattern BANK = Pattern.compile("\\d{8}");

	private static final Pattern ACCOUNT = Pattern.compile("[0-9A-Za-z]{4,34}");

	static OverpaymentForm of(@Nullable String kind, @Nullable String creditId, @Nullable String amount,
			@Nullable String documentNumber, @Nullable String targetMst, @Nullable String targetItem,
			@Nullable String relation, @Nullable String bankCode, @Nullable String account,
			@Nullable String accountName) {
		return new OverpaymentForm(Paging.text(kind), Paging.text(creditId), Paging.text(amount),
				Paging.text(documentNumber), Paging.text(targetMst), Paging.text(targetItem), Paging.text(relation),
				Paging.text(bankCode), Paging.text(account), Paging.text(accountName));
	}

	/** @return whether it asks for a refund */
	public boolean refund() {
		return "REFUND".equals(this.kind);
	}

	/** @return what is wrong with it, in words; empty when it can be sent */
	List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (!"REFUND".equals(this.kind) && !"OFFSET".equals(this.kind)) {
			problems.add("Choose a refund or an offset.");
		}
		if (this.creditId == null || !UUID_TEXT.matcher(this.creditId).matches()) {
			problems.add("Choose one of the taxpayer's credits.");
		}
		if (this.amount == null || !AMOUNT.matcher(this.amount).matches()) {
			problems.add("The amount is a whole number of VND, more than 0.");
		}
		if (this.documentNumber == null || this.documentNumber.length() > 64) {
			problems.add("The 01/ĐNXLNT's number is up to 64 characters.");
		}
		if ("OFFSET".equals(this.kind) && (this.targetMst == null
				|| !TaxpayerController.MST.matcher(this.targetMst).matches() || this.targetItem == null
				|| this.targetItem.length() > 64)) {
			problems.add("An offset names the payable item and its taxpayer's MST.");
		}
		if ("REFUND".equals(this.kind) && (this.bankCode == null || !BANK.matcher(this.bankCode).matches()
				|| this.account == null || !ACCOUNT.matcher(this.account).matches() || this.accountName == null)) {
			problems.add("A refund names the bank (eight digits), the account number and its holder.");
		}
		return problems;
	}

	/** @return the request payment-gateway takes; only when there are no {@link #problems} */
	Request request() {
		List<String> problems = problems();
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join(" ", problems));
		}
		return new Request(String.valueOf(this.kind), UUID.fromString(String.valueOf(this.creditId)),
				new BigDecimal(String.valueOf(this.amount)), String.valueOf(this.documentNumber),
				refund() ? null : new Request.Target(String.valueOf(this.targetMst), String.valueOf(this.targetItem),
						this.relation),
				refund() ? new Request.Payee(String.valueOf(this.bankCode), String.valueOf(this.account),
						String.valueOf(this.accountName)) : null);
	}

	/** @return what it asks for, in words */
	String what() {
		return refund()
				? "Refund to account " + this.account + " at bank " + this.bankCode + " (" + this.accountName + ")"
				: "Offset against item " + this.targetItem + " of " + this.targetMst
						+ ((this.relation != null) ? " (" + this.relation + ")" : "");
	}

	/** What {@code POST /api/v1/taxpayers/{mst}/overpayment-requests} takes. */
	record Request(String kind, UUID creditId, BigDecimal amount, String documentNumber, @Nullable Target target,
			@Nullable Payee payee) {

		record Target(String mst, String payableItemId, @Nullable String relation) {

		}

		record Payee(String bankCode, String account, String name) {

		}

	}

}
