package etax.batch.console.taxpayers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A taxpayer's request about its overpayment (01/ĐNXLNT) as payment-gateway answers it
 * ({@code GET /api/v1/taxpayers/{mst}/overpayment-requests}): a refund or an offset of one of its general credits,
 * and the second officer's decision once there is one.
 *
 * @param requestId the request
 * @param mst the taxpayer whose credit it is
 * @param creditId the credit
 * @param kind {@code REFUND} or {@code OFFSET}
 * @param amount whole VND
 * @param documentNumber the number of the taxpayer's 01/ĐNXLNT
 * @param target for an offset, the item the money goes to
 * @param payee for a refund, the bank account it is paid into
 * @param requestedBy the officer who recorded it
 * @param requestedAt when
 * @param status {@code PENDING}, {@code APPROVED} or {@code REFUSED}
 * @param decision the second officer's decision, if any
 */
record OverpaymentRequest(UUID requestId, String mst, UUID creditId, String kind, BigDecimal amount,
		String documentNumber, @Nullable Target target, @Nullable Payee payee, String requestedBy, Instant requestedAt,
		String status, @Nullable Decision decision) {

	/** @return whether it waits for a second officer */
	public boolean pending() {
		return "PENDING".equals(this.status);
	}

	/** @return what it asks for, in words */
	public String what() {
		if (this.target != null) {
			return "Offset against item " + this.target.payableItemId() + " of " + this.target.mst()
					+ ((this.target.relation() != null) ? " (" + this.target.relation() + ")" : "");
		}
		if (this.payee != null) {
			return "Refund to account " + this.payee.account() + " at bank " + this.payee.bankCode() + " ("
					+ this.payee.name() + ")";
		}
		return this.kind;
	}

	/** @return the decision in words: who decided, and what the treasury did with the money; empty while pending */
	public String decisionWords() {
		Decision decided = this.decision;
		if (decided == null) {
			return "";
		}
		String words = decided.outcome() + " by " + decided.decidedBy() + " at " + decided.decidedAt();
		if (decided.reason() != null) {
			words += ": " + decided.reason();
		}
		if (decided.postingStatus() != null) {
			words += "; treasury " + decided.postingStatus();
		}
		return words;
	}

	/**
	 * @param mst its taxpayer
	 * @param payableItemId the item
	 * @param relation for another MST, how the two are related
	 */
	record Target(String mst, String payableItemId, @Nullable String relation) {

	}

	/**
	 * @param bankCode the bank
	 * @param account the account number
	 * @param name the account holder
	 */
	record Payee(String bankCode, String account, String name) {

	}

	/**
	 * @param outcome {@code APPROVED} or {@code REFUSED}
	 * @param decidedBy the second officer
	 * @param reason why it was refused
	 * @param decidedAt when
	 * @param postingStatus where the treasury stands with its posting, if it asked for one
	 */
	record Decision(String outcome, String decidedBy, @Nullable String reason, Instant decidedAt,
			@Nullable String postingStatus) {

	}

	/**
	 * What the gateway answers for a taxpayer's requests: its first page, the latest first.
	 * @param items the requests listed
	 * @param totalElements how many requests the officer sees in all, null from a gateway that listed all at once
	 */
	record Page(List<OverpaymentRequest> items, @Nullable Long totalElements) {

		/** @return how many older requests the gateway did not list; none when it says none */
		public long notListed() {
			return (this.totalElements != null) ? Math.max(0, this.totalElements - this.items.size()) : 0;
		}

		/**
		 * This page with older requests after its own, those it lists already left out: the pending ones, which a
		 * second officer must be able to decide whatever their age.
		 * @param older requests recorded before this page's, the latest first
		 * @return the page listing them too, counting the same total
		 */
		Page withOlder(List<OverpaymentRequest> older) {
			Set<UUID> listed = this.items.stream().map(OverpaymentRequest::requestId).collect(Collectors.toSet());
			List<OverpaymentRequest> all = new ArrayList<>(this.items);
			older.stream().filter((request) -> !listed.contains(request.requestId())).forEach(all::add);
			return new Page(List.copyOf(all), this.totalElements);
		}

	}

}
