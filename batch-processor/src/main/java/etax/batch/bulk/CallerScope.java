package etax.batch.bulk;

import java.util.Map;

import etax.access.Caller;
import etax.access.Role;

/**
 * What a caller may see of the batches and their items, as conditions of a query and their parameters: its
 * own batches for an agent or T-VAN, those with an item filed with its tax office for an officer, all for a
 * national officer. An officer sees, within such a batch, only the items filed with its office (the tax
 * office declaration-api answered for each received item, the return's {@code maCQTNoiNop}, which is what
 * declaration-api scopes an officer's returns by): another office's returns look like no return at all
 * (ADR 0012).
 */
final class CallerScope {

	private CallerScope() {
	}

	/**
	 * The rows a caller may see, as a condition on {@code b}. A filer's by subject and role together, so
	 * that subjects of different roles (an agent's and a T-VAN's) never match each other's batches.
	 */
	static String batches(Caller caller) {
		return switch (caller.role()) {
			case AGENT, TVAN -> "b.filer_subject = :subject AND b.filer_role = :role";
			case OFFICER -> "EXISTS (SELECT 1 FROM batch.bulk_item i WHERE i.batch_id = b.id AND i.tax_office_code = :office)";
			case NATIONAL_OFFICER -> "TRUE";
			case TAXPAYER, BANK, SERVICE -> "FALSE";
		};
	}

	/**
	 * The items of a batch the caller sees: an officer only those filed with its office (an item not
	 * received has no tax office, so no officer's but a national officer's); the filer and national
	 * officers all.
	 */
	static String items(Caller caller) {
		return (caller.role() == Role.OFFICER) ? "tax_office_code = :office" : "TRUE";
	}

	/** The parameters of both conditions. */
	static Map<String, Object> parameters(Caller caller) {
		return Map.of("subject", caller.subject(), "role", caller.role().name(), "office",
				String.valueOf(caller.taxOffice()));
	}

}
