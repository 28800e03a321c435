package etax.batch.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import etax.access.Caller;
import etax.batch.BatchProcessorProperties;
import etax.batch.bulk.BatchRefusedException.Reason;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bulk filings over HTTP (docs/adr/0013-bulk-filing.md). */
@RestController
class BatchController {

	static final String ZIP = "application/zip";

	static final String ZIP_LEGACY = "application/x-zip-compressed";

	/** What is read between two checks of the upload's pace: small, so that a trickle is caught soon. */
	private static final int PACE_PIECE = 64 * 1024;

	private final BulkFilings filings;

	private final BatchIntake intake;

	private final BatchProcessorProperties.Limits limits;

	private final UploadMemory memory;

	BatchController(BulkFilings filings, BatchIntake intake, BatchProcessorProperties properties,
			UploadMemory memory) {
		this.filings = filings;
		this.intake = intake;
		this.limits = properties.bulk().limits();
		this.memory = memory;
	}

	@Operation(summary = "File many returns at once (agents and T-VANs)",
			description = "A zip with one signed return per entry, or one XML bundle (root LoHSoThue in namespace "
					+ "urn:etax:bulk:1, each child a return as filed alone). 202 with the batch once it is stored; "
					+ "each return is then filed as if sent alone to POST /api/v1/returns, with its own receipt and "
					+ "notices. Refused whole, nothing stored: 400 not a zip or bundle, 413 too large, 422 a zip bomb, "
					+ "an unsafe entry name, no return or too many (limits: GET /api/v1/limits); 503 with Retry-After "
					+ "while other uploads hold the memory this one needs. With an Idempotency-Key (up to 255 "
					+ "characters), the same upload sent again (its answer lost) is answered 200 with the batch stored "
					+ "the first time, and another upload under the key 409 idempotency-conflict.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = { @Content(mediaType = ZIP, schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = MediaType.APPLICATION_XML_VALUE,
									schema = @Schema(type = "string", format = "binary")) }))
	@ApiResponse(responseCode = "202", description = "Received and checked: the batch, filed item by item in the background", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200", description = "The same upload sent again under the same Idempotency-Key: the batch stored the first time, as it stands", useReturnTypeSchema = true)
	@PostMapping(path = "/api/v1/batches", consumes = { ZIP, ZIP_LEGACY, MediaType.APPLICATION_XML_VALUE,
			MediaType.TEXT_XML_VALUE })
	ResponseEntity<Batch> receive(HttpServletRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 255)
			@Pattern(regexp = "\\P{Cc}+", message = "has no control characters") @Nullable String key,
			@AuthenticationPrincipal Caller filer) throws IOException {
		Format format = String.valueOf(request.getContentType()).contains("zip") ? Format.ZIP : Format.XML;
		try (UploadMemory.Share share = this.memory.share()) {
			BatchIntake.Received received = this.intake.receive(readBounded(request, share), format, filer, key, share);
			Batch batch = received.batch();
			return (received.replayed() ? ResponseEntity.ok() : ResponseEntity.accepted())
				.location(URI.create("/api/v1/batches/" + batch.id()))
				.body(batch);
		}
	}

	@Operation(summary = "The batches the caller may see, newest first",
			description = "An agent's or T-VAN's own; an officer's, those with a return filed with its tax office; "
					+ "a national officer's, all. Each with its status and counts.")
	@GetMapping("/api/v1/batches")
	List<Batch> batches(@RequestParam(required = false) @Nullable BatchStatus status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Caller caller) {
		return this.filings.batches(caller, status, page, size).items();
	}

	@Operation(summary = "A batch: status and counts of its items by outcome",
			description = "For an officer, the items and counts are those filed with its tax office.")
	@GetMapping("/api/v1/batches/{id}")
	Batch batch(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return this.filings.batch(id, caller);
	}

	@Operation(summary = "The items of a batch in upload order, with transaction codes and findings, or problems",
			description = "The agent or T-VAN that uploaded it and national officers see every item; an officer only "
					+ "the items filed with its tax office. At most 100 a page (each with its notice's findings): a "
					+ "larger size is refused with a 400 naming it.")
	@GetMapping("/api/v1/batches/{id}/items")
	List<BatchItem> items(@PathVariable UUID id, @RequestParam(required = false) @Nullable ItemStatus status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "100") @Min(1) @Max(100) int size, @AuthenticationPrincipal Caller caller) {
		return this.filings.items(id, status, page, size, caller);
	}

	@Operation(summary = "File a FAILED item again, on its own, with its idempotency key")
	@PostMapping("/api/v1/batches/{id}/items/{itemNo}:retry")
	BatchItem retry(@PathVariable UUID id, @PathVariable int itemNo, @AuthenticationPrincipal Caller caller) {
		return this.filings.retry(id, itemNo, caller);
	}

	@Operation(summary = "Cancel a batch: its items not filed yet never will be; the batch ends CANCELLED",
			description = "Items being filed at that moment keep their outcome. 409 batch-not-cancellable once it has completed;"
					+ " 403 batch-of-other-offices for an office officer while items not addressed to its office are still to be filed.")
	@PostMapping("/api/v1/batches/{id}:cancel")
	Batch cancel(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return this.filings.cancel(id, caller).batch();
	}

	@Operation(summary = "The published limits of bulk filing")
	@GetMapping("/api/v1/limits")
	PublishedLimits limits() {
		return PublishedLimits.of(this.limits, this.memory.capacity());
	}

	/**
	 * The body, up to the upload limit, its bytes taken from the upload's share before they are read: the
	 * declared length at once, so that an upload refused for memory is refused before it is read; a body of
	 * no declared length piece by piece, and once more when the pieces are put together. Its pace is checked as its
	 * bytes arrive ({@link UploadPace}).
	 */
	private byte[] readBounded(HttpServletRequest request, UploadMemory.Share share) throws IOException {
		long limit = Math.min(this.limits.maxUploadSize().toBytes(), Integer.MAX_VALUE - 8);
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			throw tooLarge(limit);
		}
		UploadPace pace = UploadPace.started(this.limits.minUploadRate().toBytes());
		try (InputStream in = request.getInputStream()) {
			return readBody(in, declared, limit, pace, share);
		}
		catch (IOException ex) {
			// the server's read timeout (a sender that stopped sending) or a sender gone: nothing is stored
			throw BatchRefusedException.of(Reason.TOO_SLOW, "The upload stopped arriving before its end.");
		}
	}

	static byte[] readBody(InputStream in, long declared, long limit, UploadPace pace, UploadMemory.Share share)
			throws IOException {
		if (declared >= 0) {
			share.take(declared);
			byte[] body = new byte[(int) declared];
			int read = 0;
			while (read < body.length) {
				int n = in.read(body, read, Math.min(PACE_PIECE, body.length - read));
				if (n < 0) {
					break;
				}
				read += n;
				pace.check(read);
			}
			if (in.read() >= 0) {
				throw tooLarge(limit);
			}
			return (read == body.length) ? body : Arrays.copyOf(body, read);
		}
		// each piece filled before the next: a read returns one chunk of a chunked body, a byte if the sender likes,
		// and an array a read would cost many times the bytes counted
		List<byte[]> pieces = new ArrayList<>();
		long length = 0;
		byte[] piece = new byte[PACE_PIECE];
		int filled = 0;
		for (int n = in.read(piece, 0, piece.length); n >= 0; n = in.read(piece, filled, piece.length - filled)) {
			length += n;
			if (length > limit) {
				throw tooLarge(limit);
			}
			pace.check(length);
			share.take(n);
			filled += n;
			if (filled == piece.length) {
				pieces.add(piece);
				piece = new byte[PACE_PIECE];
				filled = 0;
			}
		}
		pieces.add(Arrays.copyOf(piece, filled));
		share.take(length);
		byte[] body = new byte[(int) length];
		int at = 0;
		for (byte[] full : pieces) {
			System.arraycopy(full, 0, body, at, full.length);
			at += full.length;
		}
		share.giveBack(length);
		return body;
	}

	private static BatchRefusedException tooLarge(long limit) {
		return BatchRefusedException.of(Reason.TOO_LARGE,
				"A batch may be at most " + DataSize.ofBytes(limit).toMegabytes() + " MB.");
	}

}
