package etax.declaration.taxpayer;

import java.time.LocalDate;

/**
 * A registration that contradicts what the registry holds: a certificate (issuer and serial) registered to
 * another taxpayer, a contract number used for another contract, a filing frequency changed without the date it applies
 * from, a taxpayer another office manages. Nothing was changed: the registry never moves a certificate or a
 * contract, nor rewrites a frequency, silently.
 */
public final class RegistrationConflictException extends RuntimeException {

	private RegistrationConflictException(String message) {
		super(message);
	}

	static RegistrationConflictException certificate() {
		return new RegistrationConflictException(
				"A certificate of this issuer with this serial number is registered with other details or to another "
						+ "taxpayer");
	}

	static RegistrationConflictException frequencyWithoutDate() {
		return new RegistrationConflictException("The taxpayer is registered with another filing frequency: a change "
				+ "applies from a calendar year, so send filingFrequencyFrom (1 January of that year)");
	}

	static RegistrationConflictException frequencyChange() {
		return new RegistrationConflictException(
				"The taxpayer has another change of filing frequency from that day: changes are kept, never replaced");
	}

	static RegistrationConflictException frequencyAfterReturns(String period) {
		return new RegistrationConflictException("The taxpayer has a return of period " + period + " accepted at its "
				+ "other filing frequency in those years: a change applies from the first year with none (R-PER-2: from "
				+ "the following year)");
	}

	static RegistrationConflictException contractEnded(LocalDate endsOn) {
		return new RegistrationConflictException("The contract was ended before, on " + endsOn
				+ ": an ending is recorded once");
	}

	static RegistrationConflictException managedElsewhere() {
		return new RegistrationConflictException("The taxpayer is registered with another tax office: the office that "
				+ "manages it updates it, or hands it over by changing taxOfficeCode");
	}

	static RegistrationConflictException contract() {
		return new RegistrationConflictException(
				"The agent has a contract with this number for another taxpayer or other dates");
	}

}
