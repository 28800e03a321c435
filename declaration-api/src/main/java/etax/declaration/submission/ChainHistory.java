package etax.declaration.submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import etax.declaration.payable.PayableItem;

/**
 * Turns a chain's stored returns into its history ({@link ChainedReturn}): in the order decided, each
 * compared with the accepted return in force when it arrived, so that a supplement shows exactly what it
 * corrected and a refused one what it would have changed.
 */
final class ChainHistory {

	private static final Pattern NAME_AND_NUMBER = Pattern.compile("(\\D*)(\\d*)(.*)");

	/** {@code ct9} before {@code ct10}, {@code ct40} before {@code ct40a}: numbers compared as numbers. */
	static final Comparator<String> NATURAL = Comparator.comparing((String name) -> part(name, 1))
		.thenComparingInt((name) -> part(name, 2).length())
		.thenComparing((name) -> part(name, 2))
		.thenComparing((name) -> part(name, 3));

	private ChainHistory() {
	}

	/**
	 * @param members the chain's returns, oldest first
	 * @param payableItems the payable items of a return
	 * @return the history, oldest first
	 */
	static List<ChainedReturn> of(List<Member> members, Function<UUID, List<PayableItem>> payableItems) {
		UUID current = members.stream()
			.filter((member) -> member.status() == ReturnStatus.ACCEPTED)
			.reduce((first, second) -> second)
			.map(Member::id)
			.orElse(null);
		List<ChainedReturn> history = new ArrayList<>();
		Member inForce = null;
		for (Member member : members) {
			history.add(new ChainedReturn(member.id(), member.transactionCode(), member.filingType(),
					member.submissionNumber(), member.status(), member.receivedAt(), member.id().equals(current),
					(inForce != null) ? inForce.id() : null,
					(inForce != null) ? changes(inForce.indicators(), member.indicators()) : List.of(),
					payableItems.apply(member.id())));
			if (member.status() == ReturnStatus.ACCEPTED) {
				inForce = member;
			}
		}
		return history;
	}

	static List<ChainedReturn.IndicatorChange> changes(Map<String, String> before, Map<String, String> after) {
		TreeSet<String> names = new TreeSet<>(NATURAL);
		names.addAll(before.keySet());
		names.addAll(after.keySet());
		List<ChainedReturn.IndicatorChange> changes = new ArrayList<>();
		for (String name : names) {
			if (!Objects.equals(before.get(name), after.get(name))) {
				changes.add(new ChainedReturn.IndicatorChange(name, before.get(name), after.get(name)));
			}
		}
		return changes;
	}

	private static String part(String name, int group) {
		Matcher matcher = NAME_AND_NUMBER.matcher(name);
		return matcher.matches() ? matcher.group(group) : name;
	}

	/**
	 * A stored return of the chain, as the history needs it.
	 * @param id the return
	 * @param transactionCode its transaction code
	 * @param filingType original or supplement
	 * @param submissionNumber {@code soLan}
	 * @param status accepted or not
	 * @param receivedAt its postmark
	 * @param indicators its indicators, by name
	 */
	record Member(UUID id, String transactionCode, String filingType, int submissionNumber, ReturnStatus status,
			Instant receivedAt, Map<String, String> indicators) {

	}

}
