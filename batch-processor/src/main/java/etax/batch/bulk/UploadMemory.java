package etax.batch.bulk;

import java.time.Duration;

import etax.batch.BatchProcessorProperties;
import etax.batch.bulk.BatchRefusedException.Reason;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The bytes that uploads being received hold in memory at once, across the process
 * ({@code etax.batch.bulk.uploads-in-memory}, published at {@code GET /api/v1/limits}). An upload is taken
 * apart in memory before anything of it is stored, its file and the returns taken out of it side by side;
 * without a bound a few large uploads at once could take the heap, and the interest and the reconciliation
 * this process also runs would go down with them. Each upload takes its share as it goes (the file's
 * declared length before a byte of it is read, then every byte inflated or cut out of it), never waiting:
 * an upload that cannot have its share at once is refused whole, nothing stored, and its filer tries
 * again later, rather than holding a request thread and the bytes already read while others finish. One
 * that needs more than the whole bound would never fit, and is refused for good as too large.
 */
@Component
class UploadMemory {

	/** How long a refused filer is asked to wait: long enough for the uploads ahead of it to be stored. */
	static final Duration RETRY_AFTER = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(UploadMemory.class);

	private final long capacity;

	private final MeterRegistry meters;

	private long held;

	@Autowired
	UploadMemory(BatchProcessorProperties properties, MeterRegistry meters) {
		this(properties.bulk().uploadsInMemory(), meters);
	}

	UploadMemory(DataSize capacity, MeterRegistry meters) {
		this.capacity = capacity.toBytes();
		this.meters = meters;
		Gauge.builder("etax.batch.bulkfiling.uploads.memory", this, UploadMemory::held)
			.baseUnit("bytes")
			.description("Bytes held in memory by the uploads being received")
			.register(meters);
	}

	/** @return a share for one upload, empty until it takes bytes; closing it gives them back */
	Share share() {
		return new Share();
	}

	/** @return the bytes all uploads being received may hold at once */
	long capacity() {
		return this.capacity;
	}

	/** @return the bytes the uploads being received hold now */
	synchronized long held() {
		return this.held;
	}

	private synchronized void take(Share share, long bytes) {
		if (share.taken + bytes > this.capacity) {
			throw BatchRefusedException.of(Reason.TOO_LARGE, "A batch, with the returns taken out of it, may take at most "
					+ DataSize.ofBytes(this.capacity).toMegabytes() + " MB of memory; this one takes more.");
		}
		if (this.held + bytes > this.capacity) {
			log.info("Batch refused: uploads in memory bytes={} held={} capacity={}", bytes, this.held, this.capacity);
			this.meters.counter("etax.batch.bulkfiling.batches", "outcome", "busy").increment();
			throw new UploadsBusyException(RETRY_AFTER);
		}
		this.held += bytes;
		share.taken += bytes;
	}

	private synchronized void giveBack(Share share, long bytes) {
		long given = Math.min(bytes, share.taken);
		this.held -= given;
		share.taken -= given;
	}

	private synchronized void release(Share share) {
		this.held -= share.taken;
		share.taken = 0;
	}

	/** What one upload holds; taken by one request thread, closed by it once the upload is stored or refused. */
	final class Share implements AutoCloseable {

		private long taken;

		/**
		 * @param bytes what the upload is about to hold besides what it holds
		 * @throws UploadsBusyException if other uploads hold too much for it now
		 * @throws BatchRefusedException {@code TOO_LARGE} if it would need more than the whole bound
		 */
		void take(long bytes) {
			if (bytes > 0) {
				UploadMemory.this.take(this, bytes);
			}
		}

		/** @param bytes what the upload no longer holds (garbage once it had a copy) */
		void giveBack(long bytes) {
			UploadMemory.this.giveBack(this, bytes);
		}

		@Override
		public void close() {
			release(this);
		}

	}

}
