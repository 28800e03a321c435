package etax.declaration.submission;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import etax.declaration.payable.AcceptedReturn;
import etax.declaration.payable.PayableItems;
import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;
import etax.schemas.Finding;
import etax.schemas.MalformedReturnException;
import etax.schemas.ReturnDocument;
import etax.schemas.ReturnHeader;
import etax.schemas.ReturnValidator;
import etax.schemas.Severity;
import etax.schemas.Validation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files a single return (ARCHITECTURE.md, "Outcomes of a filing"): input that is not a return, or not
 * a schema-valid one of a known form version, is not received and nothing of it is stored but an audit
 * line; a received return is stored with its receipt and findings, and an accepted one gets its payable
 * items and is announced through the outbox, all in one transaction.
 */
@Service
public class ReturnIntake {

	private static final Logger log = LoggerFactory.getLogger(ReturnIntake.class);

	private final ReturnValidator validator;

	private final ReturnRepository returns;

	private final TransactionCodes transactionCodes;

	private final Outbox outbox;

	private final IntakeAudit audit;

	private final IntakeMetrics metrics;

	private final PayableItems payableItems;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ReturnIntake(ReturnValidator validator, ReturnRepository returns, TransactionCodes transactionCodes, Outbox outbox,
			PayableItems payableItems, IntakeAudit audit, IntakeMetrics metrics, TransactionTemplate transactions,
			Clock clock) {
		this.validator = validator;
		this.returns = returns;
		this.transactionCodes = transactionCodes;
		this.outbox = outbox;
		this.payableItems = payableItems;
		this.audit = audit;
		this.metrics = metrics;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Files a return.
	 * @param xml the request body, byte for byte
	 * @return the receipt and acceptance decision
	 * @throws MalformedReturnException if the input is not a well-formed, safe XML document within limits
	 * @throws ReturnNotReceivedException if it is not a schema-valid return of a known form version
	 */
	public Receipt file(byte[] xml) {
		Validation validation;
		try {
			validation = this.validator.validate(xml);
		}
		catch (MalformedReturnException ex) {
			notReceived("malformed", ex.reason().name(), xml);
			throw ex;
		}
		if (validation instanceof Validation.Receivable receivable) {
			return receive(receivable.document(), receivable.findings());
		}
		notReceived("schema", "NOT_RECEIVABLE", xml);
		throw new ReturnNotReceivedException(validation.findings());
	}

	/**
	 * Records a body that was refused before it could be parsed (e.g. over the size limit).
	 * @param reason why it was refused
	 * @param sizeBytes how much of it was read
	 */
	void refused(String reason, int sizeBytes) {
		this.audit.notReceived("refused", reason, sizeBytes, null);
		this.metrics.rejected(reason.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
	}

	private Receipt receive(ReturnDocument document, List<Finding> findings) {
		Instant receivedAt = this.clock.instant();
		ReturnStatus status = findings.stream().anyMatch(ReturnIntake::rejects) ? ReturnStatus.NOT_ACCEPTED
				: ReturnStatus.ACCEPTED;
		StoredReturn stored = Objects.requireNonNull(this.transactions.execute((tx) -> {
			StoredReturn row = stored(document, findings, status, receivedAt,
					this.transactionCodes.next(receivedAt));
			this.returns.insert(row, document);
			if (status != ReturnStatus.ACCEPTED) {
				return row;
			}
			this.outbox.append(OutboxMessage.of(ReturnAccepted.TOPIC, row.mst(), ReturnAccepted.of(row, receivedAt)));
			return row.withPayableItems(this.payableItems.createFor(new AcceptedReturn(row.id(), row.transactionCode(),
					row.mst(), document.header().period(), document.form().payableIndicators(), document.indicators(),
					receivedAt)));
		}));
		log.info("Return received returnId={} form={} status={}", stored.id(), stored.formCode(), status);
		this.metrics.received(stored.formCode(), status);
		return new Receipt(stored.id(), stored.transactionCode(), receivedAt, status, findings, stored.payableItems());
	}

	private static StoredReturn stored(ReturnDocument document, List<Finding> findings, ReturnStatus status,
			Instant receivedAt, String transactionCode) {
		ReturnHeader header = document.header();
		return new StoredReturn(UUID.randomUUID(), transactionCode, status, receivedAt, header.mst(),
				header.formCode(), header.maTKhai(), header.version(), header.filingType(), header.submissionNumber(),
				new StoredReturn.Period(header.period().kind(), header.period().value(), header.period().from(),
						header.period().to()),
				header.taxOfficeCode(), document.sha256(), findings, List.of());
	}

	private static boolean rejects(Finding finding) {
		return finding.severity() != Severity.WARNING;
	}

	private void notReceived(String outcome, String reason, byte[] xml) {
		this.audit.notReceived(outcome, reason, xml.length, sha256(xml));
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
