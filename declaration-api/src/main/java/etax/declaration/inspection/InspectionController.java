package etax.declaration.inspection;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import etax.access.Caller;
import etax.declaration.calendar.PlausibleDate;
import etax.declaration.taxpayer.Mst;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Officers record a taxpayer's inspections at its premises and their conclusions, under the taxpayer registry;
 * officers and the taxpayer read them.
 */
@RestController
class InspectionController {

	private static final String INSPECTIONS = "/api/v1/taxpayers/{mst}/inspections";

	/** A decision number: without control characters, which PostgreSQL may refuse. */
	private static final String TEXT = "[^\\p{Cntrl}]*";

	private final TaxInspections inspections;

	InspectionController(TaxInspections inspections) {
		this.inspections = inspections;
	}

	@Operation(summary = "Record a tax inspection at a taxpayer's premises, once its decision is announced",
			description = "For an officer of the taxpayer's managing tax office, or a national officer (Law 38/2019 "
					+ "Art. 47, VN-ETAX.md R-DUP-4). The inspection covers the tax periods from periodFrom to periodTo "
					+ "of the tax types listed (catalog codes; none: every tax). A supplement of a covered period filed "
					+ "on or after announcedOn is accepted with warning CTX-DUP-10 (penalties of Art. 142, 143); once the "
					+ "conclusion is recorded, one that reduces the tax payable or raises the deductible or refund is "
					+ "not accepted (CTX-DUP-11). A decision announces one inspection: the same announcement again (a "
					+ "retry) is 200 with the inspection recorded first; another one under the same decisionNumber is 409 "
					+ "inspection-conflict. 400 invalid-inspection (with the field at fault); 404 "
					+ "taxpayer-not-found for a taxpayer the officer's office does not manage.")
	@ApiResponse(responseCode = "201", description = "Recorded: the inspection", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200", description = "Recorded before, as announced again", useReturnTypeSchema = true)
	@PostMapping(INSPECTIONS)
	ResponseEntity<TaxInspection> record(@PathVariable @Mst String mst,
			@Valid @RequestBody AnnouncementRequest request, @AuthenticationPrincipal Caller officer) {
		TaxInspections.Recorded recorded = this.inspections.record(officer, mst, request.toAnnouncement());
		TaxInspection inspection = recorded.inspection();
		return recorded.created() ? ResponseEntity.created(location(mst, inspection.id())).body(inspection)
				: ResponseEntity.ok(inspection);
	}

	@Operation(summary = "A taxpayer's tax inspections with their conclusions, in the order announced",
			description = "For officers of the taxpayer's managing office, national officers, and the taxpayer itself "
					+ "(a head office reads its branches'). Anyone else's taxpayer is 404 taxpayer-not-found.")
	@GetMapping(INSPECTIONS)
	List<TaxInspection> inspections(@PathVariable @Mst String mst, @AuthenticationPrincipal Caller caller) {
		return this.inspections.of(caller, mst);
	}

	@Operation(summary = "One of a taxpayer's tax inspections")
	@GetMapping(INSPECTIONS + "/{id}")
	TaxInspection inspection(@PathVariable @Mst String mst, @PathVariable UUID id,
			@AuthenticationPrincipal Caller caller) {
		return this.inspections.find(caller, mst, id);
	}

	@Operation(summary = "Record the conclusion of a tax inspection, with the tax it assessed",
			description = "The conclusion, or decision on tax handling, issued on concludedOn (on or after the "
					+ "announcement, not after today). Recorded once and never changed: a second is 409 "
					+ "inspection-concluded; 404 inspection-not-found. Each item of assessedTax (at most 100) is tax the "
					+ "conclusion assessed on a form's period (maTKhai, periodKind, period as written for the kind: "
					+ "q/yyyy, MM/yyyy, yyyy, dd/MM/yyyy) under a budget sub-item the form declares tax payable under; "
					+ "the form's tax type must be one the inspection covers and the period must share a day with the "
					+ "inspected periods. Each becomes a payable item of the taxpayer, due on the period's regular "
					+ "deadline, so late-payment interest runs from the day after it (Law 38/2019 Art. 59(1)); the "
					+ "ledger books it and the voucher names its payableItemId. An item's fine, if the conclusion "
					+ "decided one, is a payable item of its own under sub-item 4254, due ten days after concludedOn, "
					+ "on which no interest runs: violation UNDERSTATEMENT, 20 % of the tax (rate 0.2, Law 38/2019 "
					+ "Art. 142, Decree 125/2020 Art. 16), or EVASION, rate 1, 1.5, 2, 2.5 or 3 times the tax (Art. 143, "
					+ "Art. 17; 1 if not given), rounded half up to the dong, for organisations and individuals alike. "
					+ "400 invalid-inspection names the item and field at fault, e.g. assessedTax[0].subItem or "
					+ "assessedTax[0].fine.rate; nothing is stored then.")
	@ApiResponse(responseCode = "201", description = "Recorded: the inspection with its conclusion",
			useReturnTypeSchema = true)
	@PostMapping(INSPECTIONS + "/{id}/conclusion")
	ResponseEntity<TaxInspection> conclude(@PathVariable @Mst String mst, @PathVariable UUID id,
			@Valid @RequestBody ConclusionRequest request, @AuthenticationPrincipal Caller officer) {
		TaxInspection inspection = this.inspections.conclude(officer, mst, id, request.toConcluding());
		// the decision's first row, which holds the conclusion, also when a repeat of it was named
		return ResponseEntity.created(location(mst, inspection.id())).body(inspection);
	}

	private static URI location(String mst, UUID id) {
		return URI.create("/api/v1/taxpayers/" + mst + "/inspections/" + id);
	}

	record AnnouncementRequest(@NotBlank @Size(max = 60) @Pattern(regexp = TEXT) @Schema(example = "123/QĐ-CT") String decisionNumber,
			@NotBlank @Size(max = 20) @Schema(allowableValues = { "THANH_TRA", "KIEM_TRA" }) String kind,
			@NotNull @PlausibleDate LocalDate periodFrom, @NotNull @PlausibleDate LocalDate periodTo,
			@Nullable @Size(max = 20) List<@NotBlank @Pattern(regexp = "[A-Z_]{1,20}") String> taxTypes,
			@NotNull @PlausibleDate LocalDate announcedOn) {

		TaxInspections.Announcement toAnnouncement() {
			return new TaxInspections.Announcement(this.decisionNumber, this.kind, this.periodFrom, this.periodTo,
					(this.taxTypes != null) ? this.taxTypes : List.of(), this.announcedOn);
		}

	}

	record ConclusionRequest(@NotNull @PlausibleDate LocalDate concludedOn,
			@NotBlank @Size(max = 60) @Pattern(regexp = TEXT) @Schema(example = "456/QĐ-CT") String decisionNumber,
			@Nullable @Size(max = 100) List<@NotNull @Valid AssessmentRequest> assessedTax) {

		TaxInspections.Concluding toConcluding() {
			return new TaxInspections.Concluding(this.concludedOn, this.decisionNumber,
					(this.assessedTax != null) ? this.assessedTax.stream().map(AssessmentRequest::toAssessment).toList()
							: List.of());
		}

	}

	record AssessmentRequest(@NotBlank @Pattern(regexp = "\\d{1,5}") @Schema(example = "842") String maTKhai,
			@NotBlank @Pattern(regexp = "[A-Z]") @Schema(example = "Q") String periodKind,
			@NotBlank @Size(max = 21) @Pattern(regexp = TEXT) @Schema(example = "1/2026") String period,
			@NotBlank @Pattern(regexp = "\\d{4}") @Schema(example = "1701") String subItem,
			@NotNull @Positive @Max(AssessmentRules.MAX_AMOUNT) Long amount, @Nullable @Valid FineRequest fine) {

		TaxInspections.Assessment toAssessment() {
			return new TaxInspections.Assessment(this.maTKhai, this.periodKind, this.period, this.subItem, this.amount,
					(this.fine != null) ? this.fine.toFine() : null);
		}

	}

	record FineRequest(
			@NotBlank @Size(max = 20) @Schema(allowableValues = { "UNDERSTATEMENT", "EVASION" }) String violation,
			@Nullable @Positive @Digits(integer = 1, fraction = 1) @Schema(example = "1.5") BigDecimal rate) {

		TaxInspections.Fine toFine() {
			return new TaxInspections.Fine(this.violation, this.rate);
		}

	}

}
