package etax.declaration.catalog;

import java.net.URI;
import java.util.List;

import etax.schemas.FormCatalog;
import etax.schemas.FormDetails;
import etax.schemas.FormRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The form catalog as the filing software and filers read it. Read-only, and authenticated like every
 * endpoint. An unknown form version is a {@code form-version-not-found} problem (404).
 */
@RestController
@RequestMapping("/api/v1/forms")
@Tag(name = "Form catalog", description = "Form versions received, their XSDs and their rule catalogues")
class FormCatalogController {

	/** Where a form XSD finds the envelope in the catalog's files, next to the forms' folders. */
	private static final String BUNDLED_ENVELOPE = "schemaLocation=\"../../envelope/TKhaiThue.xsd\"";

	/**
	 * Where it is served, {@code /api/v1/forms/envelope}, relative to where the form XSD is,
	 * {@code /api/v1/forms/{maTKhai}/versions/{version}/schema}.
	 */
	private static final String SERVED_ENVELOPE = "schemaLocation=\"../../../envelope\"";

	static final String NOT_FOUND_TYPE = "https://etax.example/problems/form-version-not-found";

	private final FormCatalog catalog = FormCatalog.load();

	@Operation(summary = "Every form version received",
			description = "One entry per (maTKhai, pbanTKhaiXML): form code, tax type, filing types, period kinds with "
					+ "their deadline rules, effective range of tax periods, appendices, payable indicators, and "
					+ "whether the layout was constructed or rests on assumptions.")
	@GetMapping
	List<FormDetails> forms() {
		return this.catalog.versions()
			.stream()
			.map((version) -> this.catalog.details(version.maTKhai(), version.version()).orElseThrow())
			.toList();
	}

	@Operation(summary = "One form version", responses = {
			@ApiResponse(responseCode = "200", description = "The form version"),
			@ApiResponse(responseCode = "404", description = "No such form version",
					content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)) })
	@GetMapping("/{maTKhai}/versions/{version}")
	FormDetails form(@Parameter(description = "form id, e.g. 842") @PathVariable String maTKhai,
			@Parameter(description = "pbanTKhaiXML, e.g. 2.8.3") @PathVariable String version) {
		return this.catalog.details(maTKhai, version)
			.orElseThrow(() -> FormVersionNotFoundException.of(maTKhai, version));
	}

	@Operation(summary = "The XSD of one form version",
			description = "Validates a whole HSoThueDTu document of the version. It redefines the common envelope, "
					+ "served at /api/v1/forms/envelope, by a schemaLocation relative to this XSD's own address "
					+ "(../../../envelope), which a schema compiler resolves to it.",
			responses = { @ApiResponse(responseCode = "200", description = "The XSD",
					content = @Content(mediaType = MediaType.APPLICATION_XML_VALUE,
							schema = @Schema(type = "string"))),
					@ApiResponse(responseCode = "404", description = "No such form version",
							content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)) })
	@GetMapping(path = "/{maTKhai}/versions/{version}/schema", produces = MediaType.APPLICATION_XML_VALUE)
	String schema(@PathVariable String maTKhai, @PathVariable String version) {
		return this.catalog.xsd(maTKhai, version)
			.map((xsd) -> xsd.replace(BUNDLED_ENVELOPE, SERVED_ENVELOPE))
			.orElseThrow(() -> FormVersionNotFoundException.of(maTKhai, version));
	}

	@Operation(summary = "The envelope XSD that every form XSD redefines")
	@GetMapping(path = "/envelope", produces = MediaType.APPLICATION_XML_VALUE)
	String envelope() {
		return this.catalog.envelopeXsd();
	}

	@Operation(summary = "The rule catalogue of one form version",
			description = "Every business rule that checks a return of the version, in evaluation order: id, category, "
					+ "severity, the indicator it points at, its assertion in the form-spec formula language, "
					+ "messages in Vietnamese and English ({formula} placeholders are filled in findings), remedy "
					+ "and source. Findings of a filed return carry the same ids.",
			responses = { @ApiResponse(responseCode = "200", description = "The rules"),
					@ApiResponse(responseCode = "404", description = "No such form version",
							content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)) })
	@GetMapping("/{maTKhai}/versions/{version}/rules")
	List<FormRule> rules(@PathVariable String maTKhai, @PathVariable String version) {
		form(maTKhai, version);
		return this.catalog.rules(maTKhai, version);
	}

	@ExceptionHandler
	ProblemDetail on(FormVersionNotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(URI.create(NOT_FOUND_TYPE));
		problem.setTitle("Form version not found");
		return problem;
	}

}
