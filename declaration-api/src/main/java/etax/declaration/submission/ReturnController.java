package etax.declaration.submission;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/returns")
class ReturnController {

	private final ReturnIntake intake;

	private final ReturnQueries queries;

	private final DataSize maxReturnSize;

	ReturnController(ReturnIntake intake, ReturnQueries queries, SubmissionProperties properties) {
		this.intake = intake;
		this.queries = queries;
		this.maxReturnSize = properties.maxReturnSize();
	}

	@Operation(summary = "File a tax return",
			description = "Validates and files one signed HSoThueDTu document. 201 with the receipt and the acceptance "
					+ "decision; 400 not well-formed or hostile XML; 413 too large; 415 not XML; 422 not a "
					+ "schema-valid return of a known form version (every finding listed). Nothing is stored "
					+ "for 4xx answers.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_XML_VALUE,
							schema = @Schema(type = "string", format = "binary"))))
	@PostMapping(consumes = { MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE })
	ResponseEntity<Receipt> file(HttpServletRequest request) throws IOException {
		Receipt receipt = this.intake.file(readBounded(request));
		return ResponseEntity.created(URI.create("/api/v1/returns/" + receipt.returnId())).body(receipt);
	}

	@Operation(summary = "A stored return: receipt, status, header and findings")
	@GetMapping("/{id}")
	StoredReturn byId(@PathVariable UUID id) {
		return this.queries.byId(id);
	}

	private byte[] readBounded(HttpServletRequest request) throws IOException {
		long limit = this.maxReturnSize.toBytes();
		if (request.getContentLengthLong() > limit) {
			this.intake.refused("TOO_LARGE", 0);
			throw new ReturnTooLargeException(this.maxReturnSize);
		}
		try (InputStream body = request.getInputStream()) {
			byte[] bytes = body.readNBytes((int) limit + 1);
			if (bytes.length > limit) {
				this.intake.refused("TOO_LARGE", bytes.length);
				throw new ReturnTooLargeException(this.maxReturnSize);
			}
			return bytes;
		}
	}

}
