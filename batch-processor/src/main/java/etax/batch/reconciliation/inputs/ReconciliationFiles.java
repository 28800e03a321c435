package etax.batch.reconciliation.inputs;

import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the daily files of the bank and treasury legs, each in one transaction ({@link FileImport}): its
 * signature checked ({@link FileSignatures}), streamed with COPY, checked, then made the current file of its
 * source for its days. A file seen before (same content) is answered with the first import and changes
 * nothing; a file for a day already reconciled reopens it. A file larger than
 * {@code etax.batch.reconciliation.max-file-size} is refused as it is read. Counted in
 * {@code etax.batch.reconciliation.files} ({@code kind},
 * {@code outcome=imported|duplicate|invalid|outdated|too-large|unsigned|signature-invalid}).
 */
@Service
public class ReconciliationFiles {

	private static final Logger log = LoggerFactory.getLogger(ReconciliationFiles.class);

	private final FileImport fileImport;

	private final FileRepository repository;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	private final FileSignatures signatures;

	ReconciliationFiles(FileImport fileImport, FileRepository repository,
			PlatformTransactionManager transactionManager, MeterRegistry meters, FileSignatures signatures) {
		this.fileImport = fileImport;
		this.repository = repository;
		this.signatures = signatures;
		this.transactions = new TransactionTemplate(transactionManager);
		this.meters = meters;
	}

	/** How a file came. */
	public enum Channel {

		HTTP, DIRECTORY

	}

	/**
	 * Imports a bank's daily reconciliation file (XML).
	 * @param in the file
	 * @param signature the detached JWS of the file by a key the bank it names registered, if sent
	 * @param receivedBy who sent it
	 * @param channel how
	 * @return the file as imported, or as first imported if seen before
	 * @throws InvalidFileException when it cannot be imported; nothing of it is kept
	 * @throws FileSignatureException when it is not proven to be that bank's; nothing of it is kept
	 * @throws FileTooLargeException when it is larger than {@code max-file-size}; nothing of it is kept
	 */
	public ImportedFile importBankFile(InputStream in, @Nullable String signature, String receivedBy,
			Channel channel) {
		return importFile("BANK", LineCopy.COPY_BANK, BankFileReader::read, in, signature, receivedBy, channel);
	}

	/**
	 * Imports the treasury's daily statement (CSV).
	 * @param in the statement
	 * @param signature the detached JWS of the statement by one of the treasury's keys, if sent
	 * @param receivedBy who sent it
	 * @param channel how
	 * @return the statement as imported, or as first imported if seen before
	 * @throws InvalidFileException when it cannot be imported; nothing of it is kept
	 * @throws FileSignatureException when it is not proven to be the treasury's; nothing of it is kept
	 * @throws FileTooLargeException when it is larger than {@code max-file-size}; nothing of it is kept
	 */
	public ImportedFile importTreasuryStatement(InputStream in, @Nullable String signature, String receivedBy,
			Channel channel) {
		return importFile("TREASURY", LineCopy.COPY_TREASURY, TreasuryStatementReader::read, in, signature,
				receivedBy, channel);
	}

	/** Whether a file without a signature is refused (see {@link FileSignatureProperties#required()}). */
	public boolean signaturesRequired() {
		return this.signatures.required();
	}

	/**
	 * A file imported earlier: what it was, who sent it, what it held.
	 * @param fileId the file
	 * @return the file
	 * @throws ImportedFileNotFoundException if no file has that id
	 */
	public ImportedFileView file(long fileId) {
		return this.repository.view(fileId).orElseThrow(() -> ImportedFileNotFoundException.forId(fileId));
	}

	private ImportedFile importFile(String kind, String copy, LineCopy.FileReader reader, InputStream in,
			@Nullable String signature, String receivedBy, Channel channel) {
		try {
			FileSignatures.Check check = this.signatures.check(kind, signature);
			if (check.unsigned()) {
				log.warn("Reconciliation file kind={} channel={} comes without a signature: accepted only because"
						+ " etax.batch.reconciliation.signatures.required is false", kind, channel);
			}
			ImportedFile imported = Objects.requireNonNull(
					this.transactions.execute((status) -> {
						ImportedFile file = this.fileImport.load(kind, copy, reader, check, in, receivedBy, channel);
						if (file.duplicate()) {
							status.setRollbackOnly();
						}
						return file;
					}));
			count(kind, imported.duplicate() ? "duplicate" : "imported");
			log.info("Reconciliation file kind={} source={} fileId={} lines={} days={} duplicate={} reopened={}", kind,
					imported.source(), imported.fileId(), imported.lines(), imported.days().size(), imported.duplicate(),
					imported.reopenedDays());
			return imported;
		}
		catch (InvalidFileException ex) {
			count(kind, "invalid");
			log.info("Reconciliation file refused kind={} reason={}", kind, ex.getMessage());
			throw ex;
		}
		catch (OutdatedFileException ex) {
			count(kind, "outdated");
			log.info("Reconciliation file refused kind={} reason={}", kind, ex.getMessage());
			throw ex;
		}
		catch (FileTooLargeException ex) {
			count(kind, "too-large");
			log.info("Reconciliation file refused kind={} channel={} reason={}", kind, channel, ex.getMessage());
			throw ex;
		}
		catch (FileSignatureException ex) {
			count(kind, ex.missing() ? "unsigned" : "signature-invalid");
			log.warn("Reconciliation file refused kind={} channel={} reason={}", kind, channel, ex.getMessage());
			throw ex;
		}
	}

	private void count(String kind, String outcome) {
		this.meters.counter("etax.batch.reconciliation.files", "kind", kind.toLowerCase(Locale.ROOT),
				"outcome", outcome).increment();
	}

}
