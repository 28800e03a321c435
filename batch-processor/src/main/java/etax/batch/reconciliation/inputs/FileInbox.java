package etax.batch.reconciliation.inputs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import etax.batch.BatchProcessorProperties;
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
 * An imported file moves to {@code done/}; a refused one to {@code rejected/}, with the reason beside it
 * in {@code <name>.problem.txt}; on any other failure it stays for the next look.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "etax.batch.reconciliation.inbox")
class FileInbox {

	static final String RECEIVED_BY = "inbox";

	private static final Logger log = LoggerFactory.getLogger(FileInbox.class);

	private final ReconciliationFiles files;

	private final Path inbox;

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
				Path rejected = move(file, "rejected");
				Files.writeString(rejected.resolveSibling(rejected.getFileName() + ".problem.txt"), ex.getMessage(),
						StandardCharsets.UTF_8);
				continue;
			}
			catch (RuntimeException ex) {
				log.warn("Inbox file not imported, will try again file={}", file.getFileName(), ex);
				continue;
			}
			move(file, "done");
		}
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
