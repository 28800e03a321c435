package etax.declaration.extension;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import etax.access.Caller;
import etax.declaration.calendar.DeadlineRule;
import etax.declaration.calendar.Deadlines;
import etax.declaration.calendar.PeriodNames;
import etax.declaration.taxpayer.Registered;
import etax.declaration.taxpayer.TaxpayerNotFoundException;
import etax.declaration.taxpayer.TaxpayerRegistry;
import etax.ids.TimeOrderedIds;
import etax.schemas.TaxPeriod;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Extensions of filing deadlines (VN-ETAX.md §3.5 R-DL-6, Law 38/2019 Art. 46): an officer of the taxpayer's tax
 * office, or a national officer, grants a later deadline for one form (maTKhai) and period, for a reason of the
 * closed list ({@link ExtensionReason}), on the taxpayer's request made by the regular deadline, after the regular
 * deadline of the form's rule ({@link DeadlineRule}) and at most 30 days after it, 60 for a finalization
 * ({@link etax.schemas.FormVersion#finalization}). Grants are revoked,
 * never changed. A return is held to the latest grant in force at its postmark ({@link #inForce}); the
 * taxpayer reads its own. Anyone else's taxpayer, an officer's of another office included, is not found.
 */
@Service
public class DeadlineExtensions {

	private final ExtensionRepository repository;

	private final TaxpayerRegistry registry;

	private final Deadlines deadlines;

	private final Clock clock;

	DeadlineExtensions(ExtensionRepository repository, TaxpayerRegistry registry, Deadlines deadlines, Clock clock) {
		this.repository = repository;
		this.registry = registry;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	/**
	 * Grants an extension: one in force per taxpayer, form and period, whichever instances grant at once. The same
	 * grant again (an officer's retry after a lost answer) answers the one in force; another is refused until that
	 * one is revoked, so that revoking "the" extension leaves none in force.
	 * @param officer who grants it
	 * @param mst the taxpayer
	 * @param grant what is granted
	 * @return the extension as stored, and whether this call granted it
	 * @throws TaxpayerNotFoundException if no taxpayer under the MST is managed by the officer's office
	 * @throws InvalidExtensionException if the law or the catalog does not allow it
	 * @throws ExtensionConflictException if another extension of the form and period is in force
	 */
	@Transactional
	public Registered<DeadlineExtension> grant(Caller officer, String mst, Grant grant) {
		this.registry.managedByWhileRecording(officer, mst);
		ExtensionLimits.Allowed allowed = ExtensionLimits.check(grant, this.deadlines, today());
		this.repository.lock(mst, grant.maTKhai(), grant.periodKind(), grant.period());
		Optional<DeadlineExtension> current = this.repository.unrevoked(mst, grant.maTKhai(), grant.periodKind(),
				grant.period());
		if (current.isPresent()) {
			DeadlineExtension granted = current.get();
			if (granted.reason() == allowed.reason() && Objects.equals(granted.requestedOn(), grant.requestedOn())
					&& granted.deadline().equals(grant.deadline())) {
				return new Registered<>(granted, false);
			}
			throw new ExtensionConflictException(granted.id(), granted.deadline());
		}
		DeadlineExtension extension = new DeadlineExtension(TimeOrderedIds.next(), mst, grant.maTKhai(),
				allowed.formCode(), grant.periodKind(), grant.period(), allowed.reason(), grant.requestedOn(),
				allowed.regularDeadline(), grant.deadline(), officer.subject(), now(), null, null);
		this.repository.insert(extension);
		return new Registered<>(extension, true);
	}

	/**
	 * Revokes an extension from now on. Revoking it again changes nothing.
	 * @param officer who revokes it
	 * @param mst the taxpayer
	 * @param id the grant
	 * @return the extension with its revocation, and whether it was revoked now
	 * @throws TaxpayerNotFoundException if no taxpayer under the MST is managed by the officer's office
	 * @throws ExtensionNotFoundException if the taxpayer has no grant of that id
	 */
	@Transactional
	public Registered<DeadlineExtension> revoke(Caller officer, String mst, UUID id) {
		this.registry.managedByWhileRecording(officer, mst);
		DeadlineExtension granted = this.repository.find(mst, id).orElseThrow(ExtensionNotFoundException::new);
		// a grant of the same form and period deciding at this moment sees this one revoked, or not, not half-way
		this.repository.lock(mst, granted.maTKhai(), granted.periodKind(), granted.period());
		boolean revoked = this.repository.revoke(id, officer.subject(), now());
		return new Registered<>(this.repository.find(mst, id).orElseThrow(), revoked);
	}

	/**
	 * @param caller an officer, or the taxpayer itself (its head office for a branch)
	 * @param mst the taxpayer
	 * @return its extensions, revoked ones included, oldest first
	 * @throws TaxpayerNotFoundException if the caller may not see the taxpayer
	 */
	public List<DeadlineExtension> of(Caller caller, String mst) {
		this.registry.requireVisibleTo(caller, mst);
		return this.repository.of(mst);
	}

	/**
	 * @param caller an officer, or the taxpayer itself (its head office for a branch)
	 * @param mst the taxpayer
	 * @param id the grant
	 * @return the extension
	 * @throws TaxpayerNotFoundException if the caller may not see the taxpayer
	 * @throws ExtensionNotFoundException if the taxpayer has no grant of that id
	 */
	public DeadlineExtension find(Caller caller, String mst, UUID id) {
		this.registry.requireVisibleTo(caller, mst);
		return this.repository.find(mst, id).orElseThrow(ExtensionNotFoundException::new);
	}

	/**
	 * The extension a return is held to: the latest granted for its taxpayer, form and period that is in force
	 * at its postmark (granted at or before it, not revoked at or before it).
	 * @param mst the return's taxpayer
	 * @param maTKhai its form
	 * @param period its period, as declared
	 * @param postmark when it was received
	 * @return the extension and the deadline it gives, if any
	 */
	public Optional<ExtendedDeadline> inForce(String mst, String maTKhai, TaxPeriod period, Instant postmark) {
		return this.repository.inForce(mst, maTKhai, period.kind(), PeriodNames.nameOf(period), postmark)
			.map(this::extended);
	}

	/**
	 * The extension a return filed without one is held to after all: the latest grant for its taxpayer, form and
	 * period not revoked now, whenever granted. A grant answers a request that reached the tax office by the regular
	 * deadline, and the office may grant it days later, after the return was filed: the return was on time by it
	 * all the same (a fine is judged against it, not against the deadline the intake knew).
	 * @param mst the return's taxpayer
	 * @param maTKhai its form
	 * @param period its period, as declared
	 * @return the extension and the deadline it gives, if any
	 */
	public Optional<ExtendedDeadline> grantedSince(String mst, String maTKhai, TaxPeriod period) {
		return this.repository.unrevoked(mst, maTKhai, period.kind(), PeriodNames.nameOf(period)).map(this::extended);
	}

	/** The deadline a grant gives: its day, or the next working day (R-DL-2). */
	private ExtendedDeadline extended(DeadlineExtension extension) {
		return new ExtendedDeadline(extension.id(), extension.reason(), this.deadlines.deadlineOn(extension.deadline()));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(Deadlines.VIETNAM));
	}

	private Instant now() {
		// to the microsecond, as PostgreSQL keeps it: the grant answered now and the one read back later agree
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * What an officer grants.
	 * @param maTKhai the form's code in the envelope, e.g. {@code 842}
	 * @param periodKind {@code kieuKy}, one the form is filed for
	 * @param period the period as its kind is written ({@link DeadlineExtension#period})
	 * @param reason the code of an {@link ExtensionReason}
	 * @param requestedOn the day the taxpayer's written request reached the tax office
	 * @param deadline the new last day to file
	 */
	public record Grant(String maTKhai, String periodKind, String period, String reason, LocalDate requestedOn,
			LocalDate deadline) {

	}

}
