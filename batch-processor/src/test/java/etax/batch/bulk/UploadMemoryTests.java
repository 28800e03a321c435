package etax.batch.bulk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import etax.batch.BatchProcessorProperties;
import etax.batch.bulk.BatchRefusedException.Reason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The memory of uploads: shared by the uploads being received, never waited for, given back when an upload
 * is done; the returns taken out of a zip count for what they are, byte for byte.
 */
class UploadMemoryTests {

	private static final BatchProcessorProperties.Limits LIMITS = new BatchProcessorProperties.Limits(
			DataSize.ofMegabytes(10), 10, DataSize.ofMegabytes(1), DataSize.ofMegabytes(10), 100,
			DataSize.ofKilobytes(16));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final UploadMemory memory = new UploadMemory(DataSize.ofKilobytes(100), this.meters);

	@Test
	void aBodyOfNoDeclaredLengthArrivingAByteAtATimeIsReadWholeAndCountedOnce() throws IOException {
		UploadMemory memory = new UploadMemory(DataSize.ofMegabytes(1), this.meters);
		byte[] sent = new byte[150 * 1024];
		new Random(7).nextBytes(sent);
		try (UploadMemory.Share share = memory.share()) {
			// once before, so that what loading the classes allocates is not counted
			BatchController.readBody(aByteAtATime(new byte[10]), -1, 160 * 1024, UploadPace.started(1), share);
		}
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		try (UploadMemory.Share share = memory.share()) {
			long before = threads.getCurrentThreadAllocatedBytes();
			byte[] body = BatchController.readBody(aByteAtATime(sent), -1, 160 * 1024,
					UploadPace.started(1), share);
			long allocated = threads.getCurrentThreadAllocatedBytes() - before;

			assertThat(body).isEqualTo(sent);
			assertThat(memory.held()).isEqualTo(sent.length);
			assertThat(allocated).as("its pieces and the body, not an array a read (some 24 bytes each)")
				.isLessThan(4L * sent.length);
		}
		try (UploadMemory.Share share = memory.share()) {
			assertThat(catchThrowableOfType(BatchRefusedException.class, () -> BatchController.readBody(
					aByteAtATime(sent), -1, 128 * 1024, UploadPace.started(1), share)).reason())
				.isEqualTo(Reason.TOO_LARGE);
		}
		assertThat(memory.held()).isZero();
	}

	/** A chunked body whose chunks are a byte each: each read returns one. */
	private static InputStream aByteAtATime(byte[] bytes) {
		return new ByteArrayInputStream(bytes) {

			@Override
			public synchronized int read(byte[] buffer, int offset, int length) {
				return super.read(buffer, offset, Math.min(length, 1));
			}

		};
	}

	@Test
	void anUploadThatCannotHaveItsShareAtOnceIsRefusedAndOneAfterTheFirstIsDoneIsNot() {
		UploadMemory.Share first = this.memory.share();
		first.take(60 * 1024);

		try (UploadMemory.Share second = this.memory.share()) {
			UploadsBusyException busy = catchThrowableOfType(UploadsBusyException.class, () -> second.take(50 * 1024));
			assertThat(busy.retryAfter()).isEqualTo(UploadMemory.RETRY_AFTER);
		}
		assertThat(this.memory.held()).as("the refused one holds nothing").isEqualTo(60 * 1024);
		assertThat(this.meters.counter("etax.batch.bulkfiling.batches", "outcome", "busy").count()).isEqualTo(1);

		first.close();
		assertThat(this.memory.held()).isZero();
		try (UploadMemory.Share third = this.memory.share()) {
			third.take(50 * 1024);
			assertThat(this.memory.held()).isEqualTo(50 * 1024);
		}
		assertThat(this.memory.held()).isZero();
	}

	@Test
	void anUploadThatNeedsMoreThanAllOfItIsTooLargeNotBusy() {
		try (UploadMemory.Share share = this.memory.share()) {
			share.take(80 * 1024);
			assertThat(catchThrowableOfType(BatchRefusedException.class, () -> share.take(30 * 1024)).reason())
				.isEqualTo(Reason.TOO_LARGE);
		}
		assertThat(this.memory.held()).isZero();
	}

	@Test
	void theReturnsOfAZipAreTakenAsTheyAreInflatedOnceEach() {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("1.xml", "<a/>".repeat(5000).getBytes(StandardCharsets.UTF_8));
		entries.put("2.xml", "<b/>".getBytes(StandardCharsets.UTF_8));
		UploadMemory large = new UploadMemory(DataSize.ofMegabytes(1), this.meters);

		try (UploadMemory.Share share = large.share()) {
			Uploads.items(Zips.of(entries), Format.ZIP, LIMITS, share);
			assertThat(large.held()).isEqualTo(20_000 + 4);
		}

		UploadMemory small = new UploadMemory(DataSize.ofKilobytes(8), this.meters);
		try (UploadMemory.Share share = small.share()) {
			assertThat(catchThrowableOfType(BatchRefusedException.class,
					() -> Uploads.items(Zips.of(entries), Format.ZIP, LIMITS, share)).reason())
				.as("inflated past all of it, whatever the zip's size").isEqualTo(Reason.TOO_LARGE);
		}
		assertThat(small.held()).isZero();
	}

}
