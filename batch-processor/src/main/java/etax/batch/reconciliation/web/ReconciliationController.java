package etax.batch.reconciliation.web;

import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import etax.access.Caller;
import etax.batch.RefusesUnknownProperties;
import etax.batch.jobs.JobExecutionSummary;
import etax.batch.reconciliation.LineClass;
import etax.batch.reconciliation.OfficeScope;
import etax.batch.reconciliation.ReconciliationDay;
import etax.batch.reconciliation.ReconciliationDays;
import etax.batch.reconciliation.ReconciliationDays.LinePage;
import etax.batch.reconciliation.inputs.ImportedFile;
import etax.batch.reconciliation.inputs.ImportedFileView;
import etax.batch.reconciliation.inputs.ReconciliationFiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Daily files in, runs of {@code reconciliationJob}, and what a day's run found. A launch runs the job to
 * its end before answering.
 */
@RestController
class ReconciliationController {

	/** The header of a daily file's detached JWS. */
	static final String SIGNATURE = "Etax-Signature";

	private final ReconciliationFiles files;

	private final ReconciliationDays days;

	ReconciliationController(ReconciliationFiles files, ReconciliationDays days) {
		this.files = files;
		this.days = days;
	}

	@Operation(summary = "Import a bank's daily reconciliation file (XML, VN-ETAX §5.4 layout), signed by that bank",
			description = "The Etax-Signature header carries a detached JWS (RFC 7515 appendix F, header..signature, "
					+ "RS256 or ES256) over the body's exact bytes, by a key the bank named in MA_NHANG_DC registered "
					+ "at the gateway, valid now, with its registered algorithm. 422 reconciliation-file-unsigned without "
					+ "it, 422 reconciliation-file-signature-invalid when it is malformed, by an unknown, expired or other "
					+ "bank's key, or does not verify; 422 reconciliation-file-invalid for the content; 413 "
					+ "reconciliation-file-too-large over etax.batch.reconciliation.max-file-size. Nothing is kept of a "
					+ "refused file.")
	@ApiResponse(responseCode = "201", description = "Imported: the file and its totals", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200", description = "The same file was imported before: that import", useReturnTypeSchema = true)
	@PostMapping(path = "/api/v1/reconciliation/bank-files", consumes = { "application/xml", "text/xml" })
	ResponseEntity<ImportedFile> importBankFile(InputStream body,
			@Parameter(description = "Detached JWS of the body by the bank's registered key") @RequestHeader(
					name = SIGNATURE, required = false) @Nullable String signature,
			@AuthenticationPrincipal Caller caller) {
		return answer(this.files.importBankFile(body, signature, caller.subject(), ReconciliationFiles.Channel.HTTP));
	}

	@Operation(summary = "Import the treasury's daily statement (CSV, the project's layout), signed by the treasury",
			description = "The Etax-Signature header carries a detached JWS (RFC 7515 appendix F) over the body's exact "
					+ "bytes by one of the treasury's keys (etax.batch.reconciliation.signatures.treasury-keys). 422 "
					+ "reconciliation-file-unsigned without it, 422 reconciliation-file-signature-invalid when it is not "
					+ "accepted, 422 reconciliation-file-invalid for the content, 413 reconciliation-file-too-large over "
					+ "etax.batch.reconciliation.max-file-size.")
	@ApiResponse(responseCode = "201", description = "Imported: the statement and its totals", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200", description = "The same statement was imported before: that import", useReturnTypeSchema = true)
	@PostMapping(path = "/api/v1/reconciliation/treasury-statements", consumes = "text/csv")
	ResponseEntity<ImportedFile> importTreasuryStatement(InputStream body,
			@Parameter(description = "Detached JWS of the body by the treasury's key") @RequestHeader(name = SIGNATURE,
					required = false) @Nullable String signature,
			@AuthenticationPrincipal Caller caller) {
		return answer(this.files.importTreasuryStatement(body, signature, caller.subject(),
				ReconciliationFiles.Channel.HTTP));
	}

	@Operation(summary = "A daily file imported earlier: kind, days, source, counts, totals per currency, when and"
			+ " from whom", description = "The resource the Location of an import names; 404 reconciliation-file-not-found.")
	@GetMapping("/api/v1/reconciliation/files/{fileId}")
	ImportedFileView file(@PathVariable long fileId) {
		return this.files.file(fileId);
	}

	@Operation(summary = "Reconcile a day (yesterday when no day is given); replaces its classification",
			description = "422 job-parameters-rejected for a day that has not ended, or one before the earliest day "
					+ "that may be reconciled (etax.batch.reconciliation.earliest-day, by default ten years ago), "
					+ "which the detail names.")
	@ApiResponse(responseCode = "201", description = "Launched: the execution", useReturnTypeSchema = true)
	@PostMapping("/api/v1/jobs/reconciliation/executions")
	ResponseEntity<JobExecutionSummary> launch(@RequestBody(required = false) @Nullable ReconciliationLaunch request,
			@AuthenticationPrincipal Caller caller) {
		LocalDate day = (request != null && request.businessDay() != null) ? request.businessDay()
				: this.days.lastClosedDay();
		JobExecutionSummary execution = this.days.run(day, caller.subject());
		return ResponseEntity.created(URI.create("/api/v1/jobs/executions/" + execution.id())).body(execution);
	}

	@Operation(summary = "A day: status, totals by class and currency as the bank's summary report has them, inputs",
			description = "The totals add up the lines of the caller's tax office, as the day's lines list them; a "
					+ "national officer's, every line.")
	@GetMapping("/api/v1/reconciliation/days/{day}")
	ReconciliationDay day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@AuthenticationPrincipal Caller caller) {
		return this.days.day(day, OfficeScope.of(caller));
	}

	@Operation(summary = "A day's classified voucher lines in the caller's tax office, with each leg's coding")
	@GetMapping("/api/v1/reconciliation/days/{day}/lines")
	LinePage lines(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(name = "class", required = false) @Nullable LineClass lineClass,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, @AuthenticationPrincipal Caller caller) {
		return this.days.lines(day, lineClass, OfficeScope.of(caller), page, size);
	}

	private static ResponseEntity<ImportedFile> answer(ImportedFile file) {
		return file.duplicate() ? ResponseEntity.ok(file)
				: ResponseEntity.created(URI.create("/api/v1/reconciliation/files/" + file.fileId())).body(file);
	}

	/**
	 * @param businessDay the day to reconcile; yesterday in Asia/Ho_Chi_Minh when absent
	 * (a string {@code yyyy-MM-dd}: not lenient, so a bare number, which Jackson would read as days since 1970,
	 * is a 400)
	 */
	@RefusesUnknownProperties
	record ReconciliationLaunch(@JsonFormat(lenient = OptBoolean.FALSE) @Nullable LocalDate businessDay) {
	}

}
