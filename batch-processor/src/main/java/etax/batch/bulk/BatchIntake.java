package etax.batch.bulk;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import etax.access.Caller;
import etax.batch.BatchProcessorProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives the uploads of agents and T-VANs: an upload is taken apart and checked, stored with its items in
 * one transaction (nothing of a refused upload is), each item assigned its partition, then filed by
 * {@code bulkFilingJob}, launched at once.
 */
@Component
class BatchIntake {

	private static final Logger log = LoggerFactory.getLogger(BatchIntake.class);

	private final BatchRepository batches;

	private final BatchRuns runs;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	private final BatchProcessorProperties.Limits limits;

	private final ItemPartitions partitions;

	private final Clock clock;

	BatchIntake(BatchRepository batches, BatchRuns runs, TransactionTemplate transactions, MeterRegistry meters,
			BatchProcessorProperties properties, Clock clock) {
		this.batches = batches;
		this.runs = runs;
		this.transactions = transactions;
		this.meters = meters;
		this.limits = properties.bulk().limits();
		this.partitions = new ItemPartitions(properties.bulk().partitions());
		this.clock = clock;
	}

	/**
	 * Receives a batch: stored once this returns, filed in the background. An upload under an Idempotency-Key the
	 * filer gave the same upload before is not stored again: the answer is the batch stored then, as it stands now.
	 * @param upload the file as uploaded, within the upload limit
	 * @param format how it is packed
	 * @param filer the agent or T-VAN who sent it: every item is filed as this caller
	 * @param key the filer's Idempotency-Key for the upload, if it gave one
	 * @param memory the upload's share of the memory of uploads, which the file holds already and its
	 * returns take as they are taken out; the caller closes it once this returns
	 * @return the batch, {@code RECEIVED}, or the one stored before under the key
	 * @throws BatchRefusedException if the upload is unsafe, malformed, empty or over a limit
	 * @throws BatchKeyConflictException if the filer gave the key to another upload
	 * @throws UploadsBusyException if other uploads hold the memory its returns need
	 */
	Received receive(byte[] upload, Format format, Caller filer, @Nullable String key, UploadMemory.Share memory) {
		Filer owner = Filer.of(filer);
		String sha256 = sha256(upload);
		Optional<Batch> earlier = (key != null) ? storedUnder(owner, key, sha256) : Optional.empty();
		if (earlier.isPresent()) {
			return new Received(earlier.get(), true);
		}
		List<UploadedItem> items;
		try {
			items = Uploads.items(upload, format, this.limits, memory);
		}
		catch (BatchRefusedException ex) {
			log.info("Batch refused format={} bytes={} reason={}", format, upload.length, ex.reason());
			this.meters.counter("etax.batch.bulkfiling.batches", "outcome", ex.reason().name().toLowerCase(Locale.ROOT))
				.increment();
			throw ex;
		}
		UUID id = UUID.randomUUID();
		// to the microsecond, as PostgreSQL keeps it: the batch answered now and the one read back later agree
		Instant receivedAt = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		try {
			this.transactions.executeWithoutResult((status) -> this.batches.insert(id, owner, format, upload, sha256,
					key, items, this.partitions, receivedAt));
		}
		catch (DuplicateKeyException ex) {
			// the same upload under the same key, sent again before the first was stored
			return new Received(storedUnder(owner, Objects.requireNonNull(key), sha256).orElseThrow(() -> ex), true);
		}
		log.info("Batch received batch={} format={} bytes={} items={}", id, format, upload.length, items.size());
		this.meters.counter("etax.batch.bulkfiling.batches", "outcome", "received").increment();
		// stored: whatever happens now, the filer is told so, lest it upload the batch again and file its returns twice
		try {
			this.runs.launch(id);
		}
		catch (RuntimeException ex) {
			log.warn("Batch stored but not launched here, it is taken over once its lease ends batch={}", id, ex);
		}
		return new Received(new Batch(id, BatchStatus.RECEIVED, format, items.size(),
				new Batch.Counts(items.size(), 0, 0, 0, 0, 0, 0), receivedAt, null), false);
	}

	/** The batch the filer stored under the key, if it was this upload's; another upload's is a conflict. */
	private Optional<Batch> storedUnder(Filer filer, String key, String sha256) {
		return this.batches.keyed(filer, key).map((keyed) -> {
			if (!keyed.uploadSha256().equals(sha256)) {
				throw new BatchKeyConflictException(keyed.id());
			}
			return this.batches.find(keyed.id()).orElseThrow();
		});
	}

	/**
	 * A batch as an upload was answered.
	 * @param batch the batch
	 * @param replayed whether it was stored before, from the same upload under the same Idempotency-Key
	 */
	record Received(Batch batch, boolean replayed) {

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
