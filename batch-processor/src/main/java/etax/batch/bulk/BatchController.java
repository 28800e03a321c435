package etax.batch.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bulk filings over HTTP (docs/adr/0013-bulk-filing.md). */
@RestController
class BatchController {

	static final String ZIP = "application/zip";

	static final String ZIP_LEGACY = "application/x-zip-compressed";

	private final BulkFilings filings;

	private final BatchProcessorProperties.Limits limits;

	BatchController(BulkFilings filings, BatchProcessorProperties properties) {
		this.filings = filings;
		this.limits = properties.bulk().limits();
	}

	@Operation(summary = "File many returns at once (agents and T-VANs)",
			description = "A zip with one signed return per entry, or one XML bundle (root LoHSoThue in namespace "
					+ "urn:etax:bulk:1, each child a return as filed alone). 202 with the batch once it is stored; "
					+ "each return is then filed as if sent alone to POST /api/v1/returns, with its own receipt and "
					+ "notices. Refused whole, nothing stored: 400 not a zip or bundle, 413 too large, 422 a zip bomb, "
					+ "an unsafe entry name, no return or too many (limits: GET /api/v1/limits).",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = { @Content(mediaType = ZIP, schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = MediaType.APPLICATION_XML_VALUE,
									schema = @Schema(type = "string", format = "binary")) }))
	@ApiResponse(responseCode = "202", description = "Received and checked: the batch, filed item by item in the background", useReturnTypeSchema = true)
	@PostMapping(path = "/api/v1/batches", consumes = { ZIP, ZIP_LEGACY, MediaType.APPLICATION_XML_VALUE,
			MediaType.TEXT_XML_VALUE })
	ResponseEntity<Batch> receive(HttpServletRequest request, @AuthenticationPrincipal Caller filer) throws IOException {
		Format format = String.valueOf(request.getContentType()).contains("zip") ? Format.ZIP : Format.XML;
		Batch batch = this.filings.receive(readBounded(request), format, filer);
		return ResponseEntity.accepted().location(URI.create("/api/v1/batches/" + batch.id())).body(batch);
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
					+ "the items filed with its tax office.")
	@GetMapping("/api/v1/batches/{id}/items")
	List<BatchItem> items(@PathVariable UUID id, @RequestParam(required = false) @Nullable ItemStatus status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size, @AuthenticationPrincipal Caller caller) {
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
		return PublishedLimits.of(this.limits);
	}

	private byte[] readBounded(HttpServletRequest request) throws IOException {
		long limit = this.limits.maxUploadSize().toBytes();
		byte[] body = null;
		if (request.getContentLengthLong() <= limit) {
			try (InputStream in = request.getInputStream()) {
				body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
			}
		}
		if (body == null || body.length > limit) {
			throw BatchRefusedException.of(Reason.TOO_LARGE,
					"A batch may be at most " + this.limits.maxUploadSize().toMegabytes() + " MB.");
		}
		return body;
	}

}
