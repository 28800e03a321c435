package etax.declaration.taxpayer;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import etax.access.Caller;
import etax.declaration.calendar.PlausibleDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
 * Officers register taxpayers, their certificates, and tax agents' contracts: an office's officers those of the
 * taxpayers it manages, national officers any.
 */
@RestController
class RegistryController {

	private final TaxpayerRegistry registry;

	RegistryController(TaxpayerRegistry registry) {
		this.registry = registry;
	}

	@Operation(summary = "Register or update a taxpayer",
			description = "The filing frequency is kept with the year it applies from: without filingFrequencyFrom it is "
					+ "the frequency since ever (a registered taxpayer must already have it, else 409); with "
					+ "filingFrequencyFrom (1 January of a year, else 400) it is a change from that year on, added to "
					+ "the taxpayer's frequencyChanges (the same change again changes nothing; another frequency from "
					+ "the same day is 409). Returns of earlier periods keep the frequency in force then.")
	@ApiResponse(responseCode = "201", description = "Registered or updated: the taxpayer", useReturnTypeSchema = true)
	@PostMapping("/api/v1/taxpayers")
	ResponseEntity<Taxpayer> register(@Valid @RequestBody TaxpayerRegistration registration,
			@AuthenticationPrincipal Caller officer) {
		Taxpayer taxpayer = this.registry.register(officer, registration.toTaxpayer(),
				registration.filingFrequencyFrom());
		return ResponseEntity.created(URI.create("/api/v1/taxpayers/" + taxpayer.mst())).body(taxpayer);
	}

	@Operation(summary = "A registered taxpayer")
	@GetMapping("/api/v1/taxpayers/{mst}")
	Taxpayer taxpayer(@PathVariable @Mst String mst, @AuthenticationPrincipal Caller officer) {
		return this.registry.managedBy(officer, mst);
	}

	@Operation(summary = "Register a signing certificate to a taxpayer or agent",
			description = "201 registered; 200 the same certificate was registered before (nothing changed); 400 "
					+ "not a valid registration; 404 no taxpayer under the MST; 409 the issuer's serial number is "
					+ "registered with other details or to another taxpayer.")
	@ApiResponse(responseCode = "201", description = "Registered: the certificate", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200", description = "The same certificate was registered before", useReturnTypeSchema = true)
	@PostMapping("/api/v1/taxpayers/{mst}/certificates")
	ResponseEntity<Certificate> register(@PathVariable @Mst String mst,
			@Valid @RequestBody CertificateRegistration registration, @AuthenticationPrincipal Caller officer) {
		// to the microsecond, as PostgreSQL keeps it: the same certificate sent again compares equal
		Registered<Certificate> certificate = this.registry.register(officer, new Certificate(registration.issuer(),
				registration.serialNumber(), mst, registration.subject(),
				registration.notBefore().truncatedTo(ChronoUnit.MICROS),
				registration.notAfter().truncatedTo(ChronoUnit.MICROS)));
		return answer(certificate, "/api/v1/taxpayers/" + mst + "/certificates");
	}

	@Operation(summary = "The certificates registered to a taxpayer or agent")
	@GetMapping("/api/v1/taxpayers/{mst}/certificates")
	List<Certificate> certificates(@PathVariable @Mst String mst, @AuthenticationPrincipal Caller officer) {
		return this.registry.certificates(officer, mst);
	}

	@Operation(summary = "Register a tax agent's contract to file for a taxpayer",
			description = "201 registered; 200 the same contract was registered before (nothing changed); 400 not a "
					+ "valid contract (an unregistered agent or taxpayer, an agent with itself, validTo before "
					+ "validFrom); 409 the agent has another contract under that number.")
	@ApiResponse(responseCode = "201", description = "Registered: the contract", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200", description = "The same contract was registered before", useReturnTypeSchema = true)
	@PostMapping("/api/v1/agents/{agentMst}/contracts")
	ResponseEntity<AgentContract> register(@PathVariable @Mst String agentMst,
			@Valid @RequestBody ContractRegistration registration, @AuthenticationPrincipal Caller officer) {
		Registered<AgentContract> contract = this.registry.register(officer, new AgentContract(agentMst,
				registration.taxpayerMst(), registration.contractNumber(), registration.validFrom(),
				registration.validTo()));
		return answer(contract, "/api/v1/agents/" + agentMst + "/contracts");
	}

	@Operation(summary = "End an agent's contract",
			description = "The client ended the contract: it is in force up to and including endsOn, which is not "
					+ "before today (the returns the agent filed stay filed) and before the contract's own end. 201 "
					+ "ended; 200 the same ending was recorded before; 400 a day not allowed; 404 no such contract of a "
					+ "taxpayer your office manages; 409 the contract was ended on another day.")
	@ApiResponse(responseCode = "201", description = "Ended: the contract as it now ends", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200", description = "The same ending was recorded before", useReturnTypeSchema = true)
	@PostMapping("/api/v1/agents/{agentMst}/contracts/{contractNumber}:end")
	ResponseEntity<AgentContract> end(@PathVariable @Mst String agentMst,
			@PathVariable @Size(max = 50) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String contractNumber,
			@Valid @RequestBody ContractEnding ending, @AuthenticationPrincipal Caller officer) {
		return answer(this.registry.end(officer, agentMst, contractNumber, ending.endsOn(), ending.reason()),
				"/api/v1/agents/" + agentMst + "/contracts");
	}

	@Operation(summary = "End an agent's contract, named in the body",
			description = "As POST /api/v1/agents/{agentMst}/contracts/{contractNumber}:end, for any contract number: "
					+ "one with a slash (15/2025/HĐDV-ĐLT, as contracts are numbered) has no path of its own.")
	@ApiResponse(responseCode = "201", description = "Ended: the contract as it now ends", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200", description = "The same ending was recorded before", useReturnTypeSchema = true)
	@PostMapping("/api/v1/agents/{agentMst}/contract-endings")
	ResponseEntity<AgentContract> end(@PathVariable @Mst String agentMst,
			@Valid @RequestBody NamedContractEnding ending, @AuthenticationPrincipal Caller officer) {
		return answer(this.registry.end(officer, agentMst, ending.contractNumber(), ending.endsOn(), ending.reason()),
				"/api/v1/agents/" + agentMst + "/contracts");
	}

	private static <T> ResponseEntity<T> answer(Registered<T> registered, String location) {
		return registered.created() ? ResponseEntity.created(URI.create(location)).body(registered.value())
				: ResponseEntity.ok(registered.value());
	}

	/** Text the registry stores: bounded, and without control characters (which PostgreSQL may refuse). */
	private static final String TEXT = "[^\\p{Cntrl}]*";

	private static final String TEXT_MESSAGE = "must not contain control characters";

	record TaxpayerRegistration(@NotBlank @Mst String mst,
			@NotBlank @Size(max = 500) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String name,
			@NotBlank @Pattern(regexp = "ACTIVE|SUSPENDED|CLOSED") String status, @NotNull Boolean eFiling,
			@NotBlank @Pattern(regexp = "[MQ]") String filingFrequency, @NotBlank @Pattern(regexp = "\\d{5}") String taxOfficeCode,
			@NotBlank @Pattern(regexp = "\\d{3}") String chapter, @PlausibleDate @Nullable LocalDate filingFrequencyFrom) {

		Taxpayer toTaxpayer() {
			return new Taxpayer(this.mst, this.name, this.status, this.eFiling, this.filingFrequency, this.taxOfficeCode,
					this.chapter, List.of(), false, false);
		}

	}

	record CertificateRegistration(
			@NotBlank @Size(max = 1000) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String issuer,
			@NotBlank @Pattern(regexp = "[0-9A-Fa-f]{1,64}", message = "must be 1 to 64 hexadecimal digits") String serialNumber,
			@NotBlank @Size(max = 1000) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String subject,
			@NotNull @PlausibleDate Instant notBefore, @NotNull @PlausibleDate Instant notAfter) {

	}

	record ContractEnding(@NotNull @PlausibleDate LocalDate endsOn,
			@NotBlank @Size(max = 1000) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String reason) {

	}

	record NamedContractEnding(
			@NotBlank @Size(max = 50) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String contractNumber,
			@NotNull @PlausibleDate LocalDate endsOn,
			@NotBlank @Size(max = 1000) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String reason) {

	}

	record ContractRegistration(@NotBlank @Mst String taxpayerMst,
			@NotBlank @Size(max = 50) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String contractNumber,
			@NotNull @PlausibleDate LocalDate validFrom, @PlausibleDate @Nullable LocalDate validTo) {

	}

}
