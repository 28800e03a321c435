package etax.batch.reconciliation.inputs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import etax.batch.BatchProcessorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The watched directory ({@code etax.batch.reconciliation.inbox}): every {@code *.xml} in it is a bank's
 * daily file, every {@code *.csv} the treasury's statement, imported in name order like an upload by
 * HTTP. Senders write under another name and rename when done (a name ending {@code .part} is ignored).
 * An imported file moves to {@code done/}; a refused one to {@code rejected/}, with the reason beside it
 * in {@code <name>.problem.txt}. On a database outage it stays for the next look, however many; on any
 * other failure (a fault of ours the file triggers) it is tried {@value #MAX_ATTEMPTS} times, then set
 * aside in {@code rejected/} too, so that one file cannot fail every look for ever.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "etax.batch.reconciliation.inbox")
class FileInbox {

	static final String RECEIVED_BY = "inbox";

	static final int MAX_ATTEMPTS = 3;

	private static final Logger log = LoggerFactory.getLogger(FileInbox.class);

	private final ReconciliationFiles files;

	private final Path inbox;

	/** Failed imports per file, other than outages; {@link #look} runs on one thread at a time. */
	private final Map<Path, Integer> failures = new HashMap<>();

	FileInbox(ReconciliationFiles files, BatchProcessorProperties properties) {
		this.files = files;
		this.inbox = Objects.requireNonNull(properties.reconciliation().inbox());
	}

	@Scheduled(fixedDelayString = "${etax.batch.reconciliation.inbox-poll-interval:30s}")
	void look() throws IOException {
		for (Path file : arrived()) {
			String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
			try (InputStream in = Files.newInputStream(file)) {
				if (name.endsWith(".xml")) {
					this.files.importBankFile(in, RECEIVED_BY, ReconciliationFiles.Channel.DIRECTORY);
				}
				else {
					this.files.importTreasuryStatement(in, RECEIVED_BY, ReconciliationFiles.Channel.DIRECTORY);
				}
			}
			catch (InvalidFileException ex) {
				this.failures.remove(file);
				reject(file, String.valueOf(ex.getMessage()));
				continue;
			}
			catch (RuntimeException ex) {
				int attempts = outage(ex) ? 0 : this.failures.merge(file, 1, Integer::sum);
				if (attempts < MAX_ATTEMPTS) {
					log.warn("Inbox file not imported, will try again file={} attempts={}", file.getFileName(), attempts, ex);
					continue;
				}
				this.failures.remove(file);
				log.error("Inbox file set aside after {} failed imports file={}", attempts, file.getFileName(), ex);
				reject(file, "Not imported: it failed " + attempts + " times with an unexpected error (the service log has"
						+ " it). Put it back in the inbox to try again.");
				continue;
			}
			this.failures.remove(file);
			move(file, "done");
		}
	}

	/**
	 * Whether the database could not be reached or gave way to another transaction: the file is not at
	 * fault and is tried again at every look, however long the outage.
	 */
	private static boolean outage(RuntimeException ex) {
		return ex instanceof TransientDataAccessException || ex instanceof RecoverableDataAccessException
				|| ex instanceof DataAccessResourceFailureException || ex instanceof CannotCreateTransactionException;
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

	private Path move(Path file, String folder) {
		try {
			Path target = Files.createDirectories(this.inbox.resolve(folder)).resolve(file.getFileName());
			return Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
