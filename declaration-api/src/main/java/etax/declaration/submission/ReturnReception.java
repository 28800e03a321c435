package etax.declaration.submission;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import etax.access.Caller;
import etax.declaration.signature.EnvelopeCapture;
import etax.schemas.Finding;
import etax.schemas.MalformedReturnException;
import etax.schemas.ReturnDocument;
import etax.schemas.ReturnValidator;
import etax.schemas.Validation;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Receives a return to file ({@link ReturnIntake}): input that is not a return, or not a schema-valid one of a
 * known form version, or that its filer may not file, is not received and nothing of it is stored but an audit
 * line ({@link IntakeAudit}); a received return gets its postmark and passes the context rules
 * ({@link ContextRules}), and is then a candidate for the filing transaction ({@link ReturnFiling}).
 */
@Component
class ReturnReception {

	private final ReturnValidator validator;

	private final ContextRules contextRules;

	private final FilingAuthority authority;

	private final IntakeAudit audit;

	private final IntakeMetrics metrics;

	private final Clock clock;

	ReturnReception(ReturnValidator validator, ContextRules contextRules, FilingAuthority authority, IntakeAudit audit,
			IntakeMetrics metrics, Clock clock) {
		this.validator = validator;
		this.contextRules = contextRules;
		this.authority = authority;
		this.audit = audit;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Receives a return.
	 * @param xml the request body, byte for byte
	 * @param filer who files (the authenticated caller)
	 * @param idempotencyKey the filer's key for this filing, if sent
	 * @return the return received, checked by the rules that need no lock
	 * @throws MalformedReturnException if the input is not a well-formed, safe XML document within limits
	 * @throws ReturnNotReceivedException if it is not a schema-valid return of a known form version
	 * @throws FilerNotAuthorizedException if the filer may not file for the taxpayer the return names
	 */
	ReturnFiling.Candidate receive(byte[] xml, Caller filer, @Nullable String idempotencyKey) {
		EnvelopeCapture envelope = new EnvelopeCapture();
		Validation.Receivable receivable = receivable(xml, envelope, filer);
		ReturnDocument document = receivable.document();
		authorize(filer, document, xml);
		// to the microsecond, as PostgreSQL keeps it: the receipt answered now and the one read back later agree
		Instant receivedAt = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		ContextRules.Checked checked = this.contextRules.check(document, envelope, receivedAt);
		List<Finding> findings = new ArrayList<>(VersionInForce.judged(receivable, receivedAt));
		findings.addAll(checked.findings());
		return new ReturnFiling.Candidate(filer.subject(), filer.role().name(), document, findings, checked.taxpayer(),
				idempotencyKey, receivedAt, checked.extension(), checked.inspections());
	}

	/**
	 * Records a body that was refused before it could be parsed (e.g. over the size limit).
	 * @param caller who sent it
	 * @param reason why it was refused
	 * @param sizeBytes how much of it was read
	 */
	void refused(Caller caller, String reason, int sizeBytes) {
		this.audit.notReceived(caller, "refused", reason, sizeBytes, null, null);
		this.metrics.rejected(reason.toLowerCase(Locale.ROOT).replace('_', '-'));
	}

	private void authorize(Caller filer, ReturnDocument document, byte[] xml) {
		try {
			this.authority.check(filer, document.header().mst());
		}
		catch (FilerNotAuthorizedException ex) {
			notReceived(filer, "refused", "NOT_AUTHORIZED", xml, document.header().mst());
			throw ex;
		}
	}

	private Validation.Receivable receivable(byte[] xml, EnvelopeCapture envelope, Caller filer) {
		Validation validation;
		try {
			validation = this.validator.validate(xml, envelope);
		}
		catch (MalformedReturnException ex) {
			notReceived(filer, "malformed", ex.reason().name(), xml, null);
			throw ex;
		}
		if (validation instanceof Validation.Receivable receivable) {
			return receivable;
		}
		notReceived(filer, "schema", "NOT_RECEIVABLE", xml, null);
		throw new ReturnNotReceivedException(validation.findings());
	}

	private void notReceived(Caller filer, String outcome, String reason, byte[] xml, @Nullable String mst) {
		this.audit.notReceived(filer, outcome, reason, xml.length, sha256(xml), mst);
		this.metrics.rejected(outcome);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
