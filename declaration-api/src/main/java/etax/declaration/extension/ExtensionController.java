package etax.declaration.extension;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import etax.access.Caller;
import etax.declaration.calendar.PlausibleDate;
import etax.declaration.taxpayer.Mst;
import etax.declaration.taxpayer.Registered;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Officers grant and revoke extensions of a taxpayer's filing deadlines, under the taxpayer registry; officers
 * and the taxpayer read them.
 */
@RestController
class ExtensionController {

	private static final String EXTENSIONS = "/api/v1/taxpayers/{mst}/extensions";

	private final DeadlineExtensions extensions;

	ExtensionController(DeadlineExtensions extensions) {
		this.extensions = extensions;
	}

	@Operation(summary = "Extend a taxpayer's filing deadline for one form and period",
			description = "For an officer of the taxpayer's managing tax office, or a national officer (Law 38/2019 "
					+ "Art. 46, VN-ETAX.md R-DL-6). The new deadline must be after the regular deadline of the form's "
					+ "rule for the period and at most 30 days after it (60 for a finalization, rules DLYn and D45); "
					+ "the reason is one of NATURAL_DISASTER, CATASTROPHE, EPIDEMIC, FIRE, ACCIDENT; the taxpayer's "
					+ "request (requestedOn) must have reached the office by the regular deadline and not after today "
					+ "(Art. 46(3)). A return of that "
					+ "form and period filed while the extension is in force is late only after the new deadline "
					+ "(moved past weekends and holidays), and its tax is due then. One extension is in force per "
					+ "form and period: the same grant again answers it (200), another is 409 extension-conflict "
					+ "until it is revoked. 400 invalid-extension (with the field at fault); 404 taxpayer-not-found "
					+ "for a taxpayer the officer's office does not manage.")
	@ApiResponse(responseCode = "201", description = "Granted: the extension", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200", description = "The same grant is in force: that extension",
			useReturnTypeSchema = true)
	@PostMapping(EXTENSIONS)
	ResponseEntity<DeadlineExtension> grant(@PathVariable @Mst String mst, @Valid @RequestBody GrantRequest request,
			@AuthenticationPrincipal Caller officer) {
		Registered<DeadlineExtension> granted = this.extensions.grant(officer, mst, request.toGrant());
		return granted.created()
				? ResponseEntity.created(URI.create("/api/v1/taxpayers/" + mst + "/extensions/" + granted.value().id()))
					.body(granted.value())
				: ResponseEntity.ok(granted.value());
	}

	@Operation(summary = "A taxpayer's deadline extensions, revoked ones included, oldest first",
			description = "For officers of the taxpayer's managing office, national officers, and the taxpayer itself "
					+ "(a head office reads its branches'). Anyone else's taxpayer is 404 taxpayer-not-found.")
	@GetMapping(EXTENSIONS)
	List<DeadlineExtension> extensions(@PathVariable @Mst String mst, @AuthenticationPrincipal Caller caller) {
		return this.extensions.of(caller, mst);
	}

	@Operation(summary = "One of a taxpayer's deadline extensions")
	@GetMapping(EXTENSIONS + "/{id}")
	DeadlineExtension extension(@PathVariable @Mst String mst, @PathVariable UUID id,
			@AuthenticationPrincipal Caller caller) {
		return this.extensions.find(caller, mst, id);
	}

	@Operation(summary = "Revoke a deadline extension",
			description = "From now on: returns filed before keep the deadline they were held to. The grant is kept; "
					+ "the revocation is recorded beside it with the officer and the time. 201 revoked now; 200 it was "
					+ "revoked before (nothing changed); 404 extension-not-found.")
	@ApiResponse(responseCode = "201", description = "Revoked now: the extension", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200", description = "Revoked before", useReturnTypeSchema = true)
	@PostMapping(EXTENSIONS + "/{id}/revocation")
	ResponseEntity<DeadlineExtension> revoke(@PathVariable @Mst String mst, @PathVariable UUID id,
			@AuthenticationPrincipal Caller officer) {
		Registered<DeadlineExtension> revoked = this.extensions.revoke(officer, mst, id);
		return revoked.created()
				? ResponseEntity.created(URI.create("/api/v1/taxpayers/" + mst + "/extensions/" + id))
					.body(revoked.value())
				: ResponseEntity.ok(revoked.value());
	}

	record GrantRequest(@NotBlank @Pattern(regexp = "\\d{1,5}") String maTKhai,
			@NotBlank @Pattern(regexp = "[MQYDKN]") String periodKind,
			@NotBlank @Size(max = 21) @Schema(example = "1/2026") String period,
			@NotBlank @Size(max = 40) @Schema(allowableValues = { "NATURAL_DISASTER", "CATASTROPHE", "EPIDEMIC", "FIRE",
					"ACCIDENT" }) String reason,
			@NotNull @Schema(description = "the day the taxpayer's written request reached the tax office")
			@PlausibleDate LocalDate requestedOn,
			@NotNull @PlausibleDate LocalDate deadline) {

		DeadlineExtensions.Grant toGrant() {
			return new DeadlineExtensions.Grant(this.maTKhai, this.periodKind, this.period, this.reason, this.requestedOn,
					this.deadline);
		}

	}

}
