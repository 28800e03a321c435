package etax.batch.reconciliation.inputs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import etax.batch.BatchProcessorProperties;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * One import of a daily file, in the caller's transaction: its lines streamed with COPY ({@link LineCopy}) while
 * the file is bounded in size ({@link FileSizeBound}), hashed and its signature checked; then, unless a file with the same content was imported before
 * (answered with that import), the file stored, checked, totalled and made the current file of its source for its
 * days ({@link FileSupersession}).
 */
@Component
class FileImport {

	/** How far a sender's clock may be ahead of this service's. */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

	private final FileRepository files;

	private final LineCopy lines;

	private final FileSupersession supersession;

	private final Clock clock;

	private final long maxFileSize;

	FileImport(FileRepository files, LineCopy lines, FileSupersession supersession, Clock clock,
			BatchProcessorProperties properties) {
		this.files = files;
		this.lines = lines;
		this.supersession = supersession;
		this.clock = clock;
		this.maxFileSize = properties.reconciliation().maxFileSize().toBytes();
	}

	/**
	 * Imports a file.
	 * @param kind BANK or TREASURY
	 * @param copy the COPY its lines go in with ({@link LineCopy#COPY_BANK} or {@link LineCopy#COPY_TREASURY})
	 * @param reader the reader of its layout
	 * @param signature the check of its signature, which sees the file as it is read
	 * @return the file as imported, or as first imported if seen before ({@link ImportedFile#duplicate()})
	 * @throws InvalidFileException when it cannot be imported
	 * @throws FileSignatureException when it is not proven to be its sender's
	 * @throws OutdatedFileException when a file its sender generated later is in force for one of its days
	 * @throws FileTooLargeException when it is larger than {@code etax.batch.reconciliation.max-file-size}
	 */
	ImportedFile load(String kind, String copy, LineCopy.FileReader reader, FileSignatures.Check signature,
			InputStream in, String receivedBy, ReconciliationFiles.Channel channel) {
		Instant receivedAt = this.clock.instant();
		long fileId = this.files.nextFileId();
		MessageDigest digest = sha256();
		ParsedFile parsed;
		try (DigestInputStream hashed = new DigestInputStream(
				signature.reading(new FileSizeBound(in, this.maxFileSize)), digest)) {
			FilterInputStream unclosed = new FilterInputStream(hashed) {

				@Override
				public void close() {
					// a reader may close its input at the end of a document: the rest still counts for the hash
					// and the signature
				}

			};
			try {
				parsed = this.lines.copy(copy, reader, unclosed, fileId);
			}
			catch (InvalidFileException ex) {
				// a file not proven to be its sender's is refused as such, whatever its content: nobody learns
				// how this service reads a file they could not have sent
				hashed.transferTo(OutputStream.nullOutputStream());
				signature.verify(null);
				throw ex;
			}
			hashed.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			// the file could not be read or written to the database, through no fault of its content: try again
			throw new DataAccessResourceFailureException("Could not import the file", ex);
		}
		signature.verify(parsed.source());
		if (parsed.generatedAt() != null && parsed.generatedAt().isAfter(receivedAt.plus(CLOCK_SKEW))) {
			// it would order every later file of its days as older, and have them refused as outdated until then
			throw InvalidFileException.of("HDR: NGAY_GDICH_DC is later than the file's arrival: day and month swapped?");
		}
		String hash = HexFormat.of().formatHex(digest.digest());
		Optional<ImportedFile> seen = this.files.findByHash(kind, hash);
		if (seen.isPresent()) {
			return seen.get().asDuplicate();
		}
		if (!this.files.insert(fileId, parsed, hash, receivedAt, receivedBy, channel.name())) {
			return this.files.findByHash(kind, hash).orElseThrow().asDuplicate();
		}
		this.files.duplicateKey(fileId, parsed).ifPresent((key) -> {
			throw InvalidFileException.of(key + " occurs more than once");
		});
		this.files.recordTotals(fileId, parsed);
		List<LocalDate> reopened = this.supersession.supersede(fileId, parsed);
		ImportedFile stored = this.files.find(fileId);
		return new ImportedFile(stored.fileId(), stored.kind(), stored.source(), stored.fileReference(), stored.days(),
				stored.vouchers(), stored.lines(), stored.receivedAt(), stored.receivedBy(), stored.channel(), reopened,
				false);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
