package etax.batch.reconciliation.inputs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import etax.access.RedactedException;
import etax.batch.BatchProcessorProperties;
import etax.batch.DatabaseOutages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The watched directory ({@code etax.batch.reconciliation.inbox}): every {@code *.xml} in it is a bank's
 * daily file, every {@code *.csv} the treasury's statement, imported in name order like an upload by
 * HTTP. Senders write under another name and rename when done (a name ending {@code .part} is ignored).
 * A file's signature is its sidecar {@code <name>.jws} (the detached JWS the HTTP import takes in its
 * header), which senders put in place before the file: a file is imported only with it. A file whose
 * sidecar has not come {@code signatures.sidecar-grace} after it was last written is refused as unsigned
 * (unless signatures are not required, when it is imported at once without).
 * An imported file moves to {@code done/}; a refused one (a file larger than {@code max-file-size} included) to
 * {@code rejected/}, with the reason beside it in {@code <name>.problem.txt}; its sidecar goes with it. On a
 * database outage it stays for the next look,
 * however many; on any other failure (a fault of ours the file triggers) it is tried {@value #MAX_ATTEMPTS}
 * times, then set aside in {@code rejected/} too, so that one file cannot fail every look for ever.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "etax.batch.reconciliation.inbox")
class FileInbox {

	static final String RECEIVED_BY = "inbox";

	static final int MAX_ATTEMPTS = 3;

	static final String SIDECAR = ".jws";

	/** Longer than any detached JWS the import accepts: read, then refused as such. */
	private static final int MAX_SIDECAR_BYTES = 8192;

	private static final Logger log = LoggerFactory.getLogger(FileInbox.class);

	private final ReconciliationFiles files;

	private final Path inbox;

	private final Duration sidecarGrace;

	private final Clock clock;

	/** Failed imports per file, other than outages; {@link #look} runs on one thread at a time. */
	private final Map<Path, Integer> failures = new HashMap<>();

	FileInbox(ReconciliationFiles files, BatchProcessorProperties properties, FileSignatureProperties signatures,
			Clock clock) {
		this.files = files;
		this.inbox = Objects.requireNonNull(properties.reconciliation().inbox());
		this.sidecarGrace = signatures.sidecarGrace();
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${etax.batch.reconciliation.inbox-poll-interval:30s}")
	void look() throws IOException {
		for (Path file : arrived()) {
			String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
			Path sidecar = sidecar(file);
			boolean signed = Files.isRegularFile(sidecar);
			if (!signed && this.files.signaturesRequired() && !waitedForSignature(file)) {
				continue;
			}
			try (InputStream in = Files.newInputStream(file)) {
				String signature = signed ? signature(sidecar) : null;
				if (name.endsWith(".xml")) {
					this.files.importBankFile(in, signature, RECEIVED_BY, ReconciliationFiles.Channel.DIRECTORY);
				}
				else {
					this.files.importTreasuryStatement(in, signature, RECEIVED_BY, ReconciliationFiles.Channel.DIRECTORY);
				}
			}
			catch (InvalidFileException ex) {
				this.failures.remove(file);
				reject(file, String.valueOf(ex.getMessage()));
				continue;
			}
			catch (OutdatedFileException | FileTooLargeException ex) {
				this.failures.remove(file);
				reject(file, String.valueOf(ex.getMessage()));
				continue;
			}
			catch (FileSignatureException ex) {
				this.failures.remove(file);
				reject(file, (ex.missing() ? "No " + sidecar.getFileName() + " came within " + this.sidecarGrace + " of the file. "
						: "") + ex.getMessage());
				continue;
			}
			catch (RuntimeException | IOException | OutOfMemoryError | StackOverflowError ex) {
				// an unreadable file (its permissions, its sidecar's) counts as a failure too, or it would stop the
				// inbox for every file after it; so does one that ran the reading out of memory or stack, or it would
				// be read again every pass; the database's outage is not the file's fault: tried again at every look
				int attempts = DatabaseOutages.isOutage(ex) ? 0 : this.failures.merge(file, 1, Integer::sum);
				if (attempts < MAX_ATTEMPTS) {
					log.warn("Inbox file not imported, will try again file={} attempts={}: {}", file.getFileName(), attempts,
							RedactedException.describe(ex), RedactedException.of(ex));
					continue;
				}
				this.failures.remove(file);
				log.error("Inbox file set aside after {} failed imports file={}: {}", attempts, file.getFileName(),
						RedactedException.describe(ex), RedactedException.of(ex));
				reject(file, "Not imported: it failed " + attempts + " times with an unexpected error (the service log has"
						+ " it). Put it back in the inbox to try again.");
				continue;
			}
			this.failures.remove(file);
			move(file, "done");
		}
	}

	/**
	 * Whether a file without its signature has waited long enough: {@code sidecar-grace} after it was last
	 * written (a sender that renames keeps the time it wrote it), by this service's clock.
	 */
	private boolean waitedForSignature(Path file) throws IOException {
		Instant written = Files.getLastModifiedTime(file).toInstant();
		return !written.plus(this.sidecarGrace).isAfter(this.clock.instant());
	}

	private static Path sidecar(Path file) {
		return file.resolveSibling(file.getFileName() + SIDECAR);
	}

	private static String signature(Path sidecar) throws IOException {
		try (InputStream in = Files.newInputStream(sidecar)) {
			return new String(in.readNBytes(MAX_SIDECAR_BYTES), StandardCharsets.US_ASCII).strip();
		}
	}

	private void reject(Path file, String reason) throws IOException {
		Path rejected = move(file, "rejected");
		Files.writeString(rejected.resolveSibling(rejected.getFileName() + ".problem.txt"), reason,
				StandardCharsets.UTF_8);
	}

	List<Path> arrived() throws IOException {
		if (!Files.isDirectory(this.inbox)) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(this.inbox)) {
			return entries.filter(Files::isRegularFile).filter((file) -> {
				String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
				return !name.startsWith(".") && (name.endsWith(".xml") || name.endsWith(".csv"));
			}).sorted().toList();
		}
	}

	/** Moves a file, and its signature if it has one. */
	private Path move(Path file, String folder) {
		Path sidecar = sidecar(file);
		if (Files.isRegularFile(sidecar)) {
			moveOne(sidecar, folder);
		}
		return moveOne(file, folder);
	}

	private Path moveOne(Path file, String folder) {
		try {
			Path target = Files.createDirectories(this.inbox.resolve(folder)).resolve(file.getFileName());
			return Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
