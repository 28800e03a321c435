package etax.declaration.taxpayer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import etax.access.Caller;
import etax.declaration.calendar.Deadlines;
import etax.access.Role;
import etax.ids.TaxpayerId;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Who may file, how often, and for whom: the registry the context rules consult. */
@Service
public class TaxpayerRegistry {

	private final TaxpayerRepository repository;

	private final Clock clock;

	/**
	 * @param clock the real clock (the bean named {@code clock}), never the sandbox's: a contract's ending is dated
	 * by the real day (ADR 0017: the sandbox changes no one's rights)
	 */
	TaxpayerRegistry(TaxpayerRepository repository, @Qualifier("clock") Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	public Optional<Taxpayer> find(String mst) {
		return this.repository.find(mst);
	}

	/**
	 * The taxpayers as registered now, held so until the caller's transaction ends (their registration locks, shared,
	 * {@link TaxpayerRepository#lockSharedAndFind}): a registration of one of them
	 * (its details, its status, a change of its filing frequency) waits for the transaction, or was stored before
	 * and is read. A filing decides under it, so that no return is accepted on a registration changed while it was
	 * being checked.
	 * @param msts the taxpayers
	 * @return those registered, by MST
	 */
	public Map<String, Taxpayer> heldForFiling(Collection<String> msts) {
		if (msts.isEmpty()) {
			return Map.of();
		}
		return this.repository.lockSharedAndFind(msts)
			.stream()
			.collect(Collectors.toMap(Taxpayer::mst, Function.identity()));
	}

	/**
	 * The taxpayer as an officer who keeps its records sees it: an officer of its managing tax office, or a
	 * national officer. Any other caller's taxpayer is not found, so that an MST is not confirmed to exist.
	 * @param officer the caller
	 * @param mst the taxpayer
	 * @return the taxpayer
	 * @throws TaxpayerNotFoundException if no taxpayer under the MST is managed by the officer's office
	 */
	public Taxpayer managedBy(Caller officer, String mst) {
		return find(mst).filter((taxpayer) -> manages(officer, taxpayer.taxOfficeCode()))
			.orElseThrow(() -> TaxpayerNotFoundException.forMst(mst));
	}

	/**
	 * {@link #managedBy}, for an officer who records something about the taxpayer: its row is share-locked until
	 * the caller's transaction ends, so that a handover to another office, which re-registers it, waits for the
	 * record and is not overtaken by an officer of the office it left.
	 * @param officer the caller
	 * @param mst the taxpayer
	 * @return the taxpayer
	 * @throws TaxpayerNotFoundException if no taxpayer under the MST is managed by the officer's office
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Taxpayer managedByWhileRecording(Caller officer, String mst) {
		this.repository.lockShared(mst);
		return managedBy(officer, mst);
	}

	/** Whether an officer keeps the records of an office's taxpayers: its own office's, or any for a national one. */
	private static boolean manages(Caller officer, String taxOfficeCode) {
		return switch (officer.role()) {
			case NATIONAL_OFFICER -> true;
			case OFFICER -> taxOfficeCode.equals(officer.taxOffice());
			default -> false;
		};
	}

	/**
	 * Checks that a caller may read what officers recorded about a taxpayer: the officers of {@link #managedBy},
	 * or the taxpayer itself (its head office for a branch, {@code <mst>-NNN}).
	 * @param caller the caller
	 * @param mst the taxpayer
	 * @throws TaxpayerNotFoundException if the caller may not see the taxpayer
	 */
	public void requireVisibleTo(Caller caller, String mst) {
		boolean own = caller.mst() != null && (mst.equals(caller.mst()) || mst.startsWith(caller.mst() + "-"));
		if (caller.role() == Role.TAXPAYER && own && find(mst).isPresent()) {
			return;
		}
		managedBy(caller, mst);
	}

	/**
	 * Whether an agent may file for a taxpayer on a day.
	 * @param agentMst the agent
	 * @param taxpayerMst the taxpayer
	 * @param day the day of signing or filing
	 * @return whether a contract between them is in force that day
	 */
	public boolean mayFileFor(String agentMst, String taxpayerMst, LocalDate day) {
		return this.repository.hasContract(agentMst, taxpayerMst, day);
	}

	/**
	 * Registers a taxpayer or updates its details, as an officer of the office that manages it (which may hand it
	 * over to another office by changing its office) or a national officer. Its filing frequency is kept with the
	 * date it applies from (VN-ETAX §3.4 R-PER-2): without a date, the frequency is the one in force since ever,
	 * which a new taxpayer gets and a registered one must already have; with a date, it is a change from that year
	 * on, appended to the taxpayer's history (a new taxpayer gets the frequency since ever as well). Returns of
	 * periods before a change keep being checked against the frequency in force then.
	 * @param officer who registers it
	 * @param taxpayer the taxpayer, with the frequency it registers
	 * @param frequencyFrom 1 January of the year from which that frequency applies, or {@code null}
	 * @return the taxpayer as registered, with every change of its frequency
	 * @throws InvalidRegistrationException if the MST is not valid, the date is not 1 January, or a new taxpayer is
	 * registered with an office not the officer's
	 * @throws RegistrationConflictException if another office manages the taxpayer, a registered taxpayer's frequency
	 * differs without a date, or it has another change from that date
	 */
	@Transactional
	public Taxpayer register(Caller officer, Taxpayer taxpayer, @Nullable LocalDate frequencyFrom) {
		requireValid(taxpayer.mst());
		if (frequencyFrom != null && frequencyFrom.getDayOfYear() != 1) {
			throw new InvalidRegistrationException("filingFrequencyFrom must be 1 January: a change of filing frequency "
					+ "applies from the first period of a calendar year");
		}
		this.repository.lock(taxpayer.mst());
		Optional<Taxpayer> registered = this.repository.find(taxpayer.mst());
		if (registered.isPresent() && !manages(officer, registered.get().taxOfficeCode())) {
			throw RegistrationConflictException.managedElsewhere();
		}
		if (registered.isEmpty() && !manages(officer, taxpayer.taxOfficeCode())) {
			throw new InvalidRegistrationException("taxOfficeCode must be your tax office's: an office registers the "
					+ "taxpayers it manages");
		}
		if (frequencyFrom == null && registered.isPresent()
				&& !registered.get().filingFrequency().equals(taxpayer.filingFrequency())) {
			throw RegistrationConflictException.frequencyWithoutDate();
		}
		String managingOffice = registered.map(Taxpayer::taxOfficeCode).orElse(taxpayer.taxOfficeCode());
		if (!this.repository.save(taxpayer, (officer.role() == Role.NATIONAL_OFFICER) ? null : managingOffice)) {
			throw RegistrationConflictException.managedElsewhere();
		}
		if (frequencyFrom != null) {
			FrequencyChange change = new FrequencyChange(frequencyFrom, taxpayer.filingFrequency());
			registered.ifPresent((known) -> refuseAgainstAcceptedReturns(known, change));
			boolean appended = this.repository.insert(taxpayer.mst(), change, this.clock.instant());
			if (!appended && registered.orElseThrow().frequencyChanges().stream().noneMatch(change::equals)) {
				throw RegistrationConflictException.frequencyChange();
			}
		}
		return this.repository.find(taxpayer.mst()).orElseThrow();
	}

	/**
	 * R-PER-2: a change takes effect from a year's first period, so not from a year whose months or quarters the
	 * taxpayer has already had accepted at the other frequency (up to its next change): those returns would stand
	 * against the registry, and the period's supplements be refused. A change recorded already is a retry.
	 */
	private void refuseAgainstAcceptedReturns(Taxpayer registered, FrequencyChange change) {
		if (registered.frequencyChanges().contains(change)) {
			return;
		}
		int from = change.effectiveFrom().getYear();
		int until = registered.frequencyChanges()
			.stream()
			.mapToInt((later) -> later.effectiveFrom().getYear())
			.filter((year) -> year > from)
			.min()
			.orElse(Integer.MAX_VALUE);
		this.repository.acceptedOfAnotherFrequency(registered.mst(), change.frequency(), from, until)
			.ifPresent((period) -> {
				throw RegistrationConflictException.frequencyAfterReturns(period);
			});
	}

	/**
	 * Registers an agent's contract with a taxpayer, as an officer of the office that manages the taxpayer (the agent
	 * may be another office's) or a national officer. Both must be registered, and be two taxpayers; the
	 * contract must not end before it starts. A contract number names one contract of the agent for good:
	 * the same contract again changes nothing, another one under its number is a conflict.
	 * @param officer who registers it
	 * @param contract the contract
	 * @return it, and whether it was stored now
	 * @throws InvalidRegistrationException if it is not a contract the registry can hold
	 * @throws RegistrationConflictException if the agent has another contract under that number
	 */
	@Transactional
	public Registered<AgentContract> register(Caller officer, AgentContract contract) {
		requireValid(contract.agentMst());
		requireValid(contract.taxpayerMst());
		if (contract.agentMst().equals(contract.taxpayerMst())) {
			throw new InvalidRegistrationException("An agent cannot have a contract with itself");
		}
		if (contract.validTo() != null && contract.validTo().isBefore(contract.validFrom())) {
			throw new InvalidRegistrationException("validTo must not be before validFrom");
		}
		Optional<Taxpayer> agent = this.repository.find(contract.agentMst());
		if (agent.isEmpty()) {
			throw new InvalidRegistrationException("The agent is not a registered taxpayer");
		}
		this.repository.lockShared(contract.taxpayerMst());
		if (this.repository.find(contract.taxpayerMst())
			.filter((taxpayer) -> manages(officer, taxpayer.taxOfficeCode()))
			.isEmpty()) {
			throw new InvalidRegistrationException("The taxpayer is not registered with your tax office");
		}
		boolean registeredBefore = this.repository.contract(contract.agentMst(), contract.contractNumber())
			.filter(contract::equals)
			.isPresent();
		if (!registeredBefore && !agent.get().isActive()) {
			// a retry of a contract registered before is answered as it was, even once the agent stopped
			throw new InvalidRegistrationException("The agent is not active: it takes no new contract");
		}
		if (this.repository.insert(contract)) {
			return new Registered<>(contract, true);
		}
		AgentContract existing = this.repository.contract(contract.agentMst(), contract.contractNumber()).orElseThrow();
		if (!existing.equals(contract)) {
			throw RegistrationConflictException.contract();
		}
		// answered as it now ends, as its ending was: a retry after the client ended it is not told it is open
		return new Registered<>(this.repository.endingOf(existing.agentMst(), existing.contractNumber())
			.map((endsOn) -> new AgentContract(existing.agentMst(), existing.taxpayerMst(), existing.contractNumber(),
					existing.validFrom(), endsOn))
			.orElse(existing), false);
	}

	/**
	 * Ends an agent's contract before the end it was registered with (or an open-ended one), as an officer of the
	 * office that manages the taxpayer or a national officer: the client ended it. The contract is in force up to and
	 * including {@code endsOn}; returns the agent filed under it stay filed, so the day is not before today in
	 * Vietnam; a contract ended before it starts is never in force. Once per contract: the same ending again changes
	 * nothing, another one is a conflict.
	 * @param officer who records it
	 * @param agentMst the agent
	 * @param contractNumber the contract's number
	 * @param endsOn the last day it is in force
	 * @param reason why, in the officer's words
	 * @return the contract as it now ends, and whether the ending was recorded now
	 * @throws TaxpayerNotFoundException if the officer manages no taxpayer with such a contract
	 * @throws InvalidRegistrationException if the day is before today, or not before the contract's own end
	 * @throws RegistrationConflictException if the contract has another ending
	 */
	@Transactional
	public Registered<AgentContract> end(Caller officer, String agentMst, String contractNumber, LocalDate endsOn,
			String reason) {
		requireValid(agentMst);
		AgentContract contract = this.repository.contract(agentMst, contractNumber)
			.orElseThrow(() -> TaxpayerNotFoundException.forMst(agentMst));
		managedByWhileRecording(officer, contract.taxpayerMst());
		AgentContract ended = new AgentContract(agentMst, contract.taxpayerMst(), contractNumber, contract.validFrom(),
				endsOn);
		Optional<LocalDate> before = this.repository.endingOf(agentMst, contractNumber);
		if (before.isPresent()) {
			if (!before.get().equals(endsOn)) {
				throw RegistrationConflictException.contractEnded(before.get());
			}
			return new Registered<>(ended, false);
		}
		LocalDate today = LocalDate.now(this.clock.withZone(Deadlines.VIETNAM));
		if (endsOn.isBefore(today)) {
			throw new InvalidRegistrationException("endsOn must not be before today (" + today + "): the returns the "
					+ "agent filed under the contract stay filed");
		}
		if (contract.validTo() != null && !endsOn.isBefore(contract.validTo())) {
			throw new InvalidRegistrationException("endsOn must be before the contract's own end, " + contract.validTo());
		}
		if (!this.repository.insertEnding(contract, endsOn, reason, officer.subject(), this.clock.instant())) {
			// another officer's ending was recorded meanwhile
			return end(officer, agentMst, contractNumber, endsOn, reason);
		}
		return new Registered<>(ended, true);
	}

	/**
	 * Registers a signing certificate to a registered taxpayer, as an officer of the office that manages it or a
	 * national officer. An issuer and a serial number name one certificate for good: the same certificate again
	 * changes nothing (answered as it is stored), another one under its issuer and serial (another taxpayer's, say)
	 * is a conflict; another issuer's certificate of the same serial is another certificate.
	 * @param officer who registers it
	 * @param certificate the certificate
	 * @return it, and whether it was stored now
	 * @throws InvalidRegistrationException if the MST is not valid, the validity ends before it starts, or the
	 * subject names another MST than the taxpayer's or, for a branch, its head office's
	 * @throws TaxpayerNotFoundException if no taxpayer the officer manages is registered under the MST
	 * @throws RegistrationConflictException if another certificate of its issuer has that serial number, or one
	 * registered to another taxpayer before issuers were
	 */
	@Transactional
	public Registered<Certificate> register(Caller officer, Certificate certificate) {
		requireValid(certificate.mst());
		managedByWhileRecording(officer, certificate.mst());
		if (!certificate.notAfter().isAfter(certificate.notBefore())) {
			throw new InvalidRegistrationException("notAfter must be after notBefore");
		}
		String headOffice = new TaxpayerId(certificate.mst()).headOffice().value();
		if (certificate.subjectMsts()
			.stream()
			.anyMatch((named) -> !named.equals(certificate.mst()) && !named.equals(headOffice))) {
			throw new InvalidRegistrationException("the subject's UID=MST: names another taxpayer");
		}
		Optional<Certificate> unissued = this.repository.unissued(certificate.serialNumber());
		if (unissued.isPresent()) {
			// registered before issuers were: this very certificate, whose issuer it now learns, or a conflict
			if (!unissued.get().sameAs(new Certificate("", certificate.serialNumber(), certificate.mst(),
					certificate.subject(), certificate.notBefore(), certificate.notAfter()))) {
				throw RegistrationConflictException.certificate();
			}
			this.repository.adoptIssuer(certificate);
			return new Registered<>(certificate, false);
		}
		if (this.repository.insert(certificate)) {
			return new Registered<>(certificate, true);
		}
		Certificate existing = this.repository.certificate(certificate).orElseThrow();
		if (!existing.sameAs(certificate)) {
			throw RegistrationConflictException.certificate();
		}
		return new Registered<>(existing, false);
	}

	/**
	 * @param officer who reads them
	 * @param mst a registered taxpayer
	 * @return its certificates
	 * @throws InvalidRegistrationException if the MST is not valid
	 * @throws TaxpayerNotFoundException if no taxpayer the officer manages is registered under it
	 */
	public List<Certificate> certificates(Caller officer, String mst) {
		requireValid(mst);
		managedBy(officer, mst);
		return this.repository.certificates(mst);
	}

	private static void requireValid(String mst) {
		if (!TaxpayerId.isValid(mst)) {
			throw new InvalidRegistrationException("Not a valid MST (format or check digit)");
		}
	}

}
