package etax.declaration.submission;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import etax.access.Caller;
import etax.declaration.taxpayer.Mst;
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

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReturnController {

	private static final String XML_BODY = "One signed HSoThueDTu document";

	/**
	 * Text a parameter may carry: no control characters. PostgreSQL refuses a NUL in text, and a look-up
	 * should not be where that is found out.
	 */
	private static final String TEXT = "[^\\p{Cntrl}]*";

	private static final String TEXT_MESSAGE = "must not contain control characters";

	/** The keys the batch endpoint takes too: they are stored and indexed with the filer. */
	private static final String KEY_MESSAGE = "must be 1 to 255 characters without control characters";

	private final ReturnIntake intake;

	private final ReturnQueries queries;

	private final NoticeXml noticeXml;

	private final DataSize maxReturnSize;

	ReturnController(ReturnIntake intake, ReturnQueries queries, NoticeXml noticeXml, SubmissionProperties properties) {
		this.intake = intake;
		this.queries = queries;
		this.noticeXml = noticeXml;
		this.maxReturnSize = properties.maxReturnSize();
	}

	@Operation(summary = "File a tax return",
			description = "Validates and files one signed HSoThueDTu document. 201 with the receipt (01-1/TB-TĐT) "
					+ "and the acceptance notice (01-2/TB-TĐT); 200 with the original answer when the same "
					+ "Idempotency-Key was used before, or when you filed the same content before and it was accepted "
					+ "(a new key then names that return); 400 not well-formed or hostile XML; "
					+ "403 the caller may not file for the taxpayer the return names; "
					+ "409 the key was used for other content; 413 too large; 415 not XML; 422 not a schema-valid "
					+ "return of a known form version (every finding listed). Nothing is stored for 4xx answers.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = XML_BODY,
					content = @Content(mediaType = MediaType.APPLICATION_XML_VALUE,
							schema = @Schema(type = "string", format = "binary"))))
	@ApiResponse(responseCode = "201", description = "Filed: the receipt and acceptance notice",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Receipt.class)))
	@ApiResponse(responseCode = "200", description = "Filed before: the original receipt",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Receipt.class)))
	@ApiResponse(responseCode = "400", description = "Malformed or hostile XML, or an invalid Idempotency-Key", content = @Content(
			mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "401", description = "No valid bearer token", content = @Content(
			mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "The caller may not file, or not for this taxpayer", content = @Content(
			mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The Idempotency-Key was used for other content", content = @Content(
			mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "413", description = "Larger than the limit", content = @Content(
			mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "415", description = "Not XML", content = @Content(
			mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "422", description = "Not a schema-valid return of a known form version", content = @Content(
			mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@PostMapping(path = "/api/v1/returns", consumes = { MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE })
	ResponseEntity<Receipt> file(HttpServletRequest request, @AuthenticationPrincipal Caller filer,
			@RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 255,
					message = KEY_MESSAGE) @Pattern(regexp = TEXT, message = KEY_MESSAGE) @Nullable String idempotencyKey)
			throws IOException {
		ReturnIntake.Filing filing = this.intake.file(readBounded(request, filer), filer, idempotencyKey);
		Receipt receipt = filing.receipt();
		return ResponseEntity.status(filing.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
			.location(URI.create("/api/v1/returns/" + receipt.returnId()))
			.body(receipt);
	}

	@Operation(summary = "Dry run: the whole pipeline, nothing filed",
			description = "Runs parsing, XSD, form rules and context rules exactly as a filing would, stores nothing "
					+ "and issues no transaction code.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = XML_BODY,
					content = @Content(mediaType = MediaType.APPLICATION_XML_VALUE,
							schema = @Schema(type = "string", format = "binary"))))
	@PostMapping(path = "/api/v1/returns:validate",
			consumes = { MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE })
	ReturnIntake.DryRun validate(HttpServletRequest request, @AuthenticationPrincipal Caller filer) throws IOException {
		return this.intake.validate(readBounded(request, filer), filer);
	}

	@Operation(summary = "A stored return: receipt, status, header, findings and payable items")
	@GetMapping("/api/v1/returns/{id}")
	StoredReturn byId(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return this.queries.byId(id, caller);
	}

	@Operation(summary = "Returns by taxpayer, form, period and status, newest first")
	@GetMapping("/api/v1/returns")
	List<StoredReturn> find(
			@RequestParam(required = false) @Mst @Nullable String mst,
			@RequestParam(required = false) @Size(max = 40) @Pattern(regexp = TEXT,
					message = TEXT_MESSAGE) @Nullable String form,
			@RequestParam(required = false) @Size(max = 40) @Pattern(regexp = TEXT,
					message = TEXT_MESSAGE) @Nullable String period,
			@RequestParam(required = false) @Nullable ReturnStatus status,
			@RequestParam(defaultValue = "0") @Min(value = 0, message = "must be at least 0") @Max(
					value = 1_000, message = "must be at most 1000: narrow the query with its filters") int page,
			@RequestParam(defaultValue = "20") @Min(value = 1, message = "must be at least 1") @Max(value = 200,
					message = "must be at most 200") int size,
			@AuthenticationPrincipal Caller caller) {
		return this.queries.find(new ReturnFilter(mst, form, period, status), caller, page, size);
	}

	@Operation(summary = "The lifecycle of a return, oldest first")
	@GetMapping("/api/v1/returns/{id}/events")
	List<LifecycleEvent> lifecycle(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return this.queries.lifecycle(id, caller);
	}

	@Operation(summary = "The chain of a return: the original and its supplements, oldest first",
			description = "Each with its decision, whether it is the return in force, what it changed against the "
					+ "accepted return in force when it arrived (indicator, before, after) and the payable items it "
					+ "created: for an accepted supplement, the differences.")
	@GetMapping("/api/v1/returns/{id}/chain")
	List<ChainedReturn> chain(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return this.queries.chain(id, caller);
	}

	@Operation(summary = "The receipt and acceptance notice of a transaction code")
	@GetMapping(path = "/api/v1/receipts/{transactionCode}", produces = MediaType.APPLICATION_JSON_VALUE)
	Receipt receipt(@PathVariable String transactionCode, @AuthenticationPrincipal Caller caller) {
		return Receipt.of(this.queries.byTransactionCode(transactionCode, caller));
	}

	@Operation(summary = "The acceptance notice of a transaction code as XML signed by the tax authority",
			description = "01-2/TB-TĐT in the notice envelope TBaoThueDTu, with an enveloping XML signature in CKyDTu "
					+ "over #_NODE_TO_SIGN (RSA-SHA256).")
	@GetMapping(path = "/api/v1/receipts/{transactionCode}", produces = MediaType.APPLICATION_XML_VALUE)
	byte[] signedNotice(@PathVariable String transactionCode, @AuthenticationPrincipal Caller caller) {
		return this.noticeXml.signed(this.queries.byTransactionCode(transactionCode, caller));
	}

	@Operation(summary = "Recover a lost response: the receipt filed under your Idempotency-Key")
	@GetMapping(path = "/api/v1/receipts", params = "idempotencyKey")
	Receipt receiptByKey(@RequestParam @Size(min = 1, max = 255, message = KEY_MESSAGE) @Pattern(regexp = TEXT,
			message = KEY_MESSAGE) String idempotencyKey, @AuthenticationPrincipal Caller filer) {
		return Receipt.of(this.queries.byIdempotencyKey(filer, idempotencyKey));
	}

	private byte[] readBounded(HttpServletRequest request, Caller filer) throws IOException {
		byte[] bytes = RequestBodies.readAtMost(request, this.maxReturnSize.toBytes());
		if (bytes == null) {
			this.intake.refused(filer, "TOO_LARGE", 0);
			throw new ReturnTooLargeException(this.maxReturnSize);
		}
		return bytes;
	}

}
