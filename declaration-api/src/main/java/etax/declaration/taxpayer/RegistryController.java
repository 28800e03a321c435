package etax.declaration.taxpayer;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Officers register taxpayers, their certificates, and tax agents' contracts. */
@RestController
class RegistryController {

	private final TaxpayerRegistry registry;

	RegistryController(TaxpayerRegistry registry) {
		this.registry = registry;
	}

	@Operation(summary = "Register or update a taxpayer")
	@PostMapping("/api/v1/taxpayers")
	ResponseEntity<Taxpayer> register(@Valid @RequestBody TaxpayerRegistration registration) {
		Taxpayer taxpayer = this.registry.register(registration.toTaxpayer());
		return ResponseEntity.created(URI.create("/api/v1/taxpayers/" + taxpayer.mst())).body(taxpayer);
	}

	@Operation(summary = "A registered taxpayer")
	@GetMapping("/api/v1/taxpayers/{mst}")
	Taxpayer taxpayer(@PathVariable String mst) {
		return this.registry.find(mst).orElseThrow(() -> TaxpayerNotFoundException.forMst(mst));
	}

	@Operation(summary = "Register a signing certificate to a taxpayer or agent")
	@PostMapping("/api/v1/taxpayers/{mst}/certificates")
	ResponseEntity<Certificate> register(@PathVariable String mst,
			@Valid @RequestBody CertificateRegistration registration) {
		Certificate certificate = this.registry.register(new Certificate(registration.serialNumber(), mst,
				registration.subject(), registration.notBefore(), registration.notAfter()));
		return ResponseEntity.created(URI.create("/api/v1/taxpayers/" + mst + "/certificates")).body(certificate);
	}

	@Operation(summary = "The certificates registered to a taxpayer or agent")
	@GetMapping("/api/v1/taxpayers/{mst}/certificates")
	List<Certificate> certificates(@PathVariable String mst) {
		return this.registry.certificates(mst);
	}

	@Operation(summary = "Register a tax agent's contract to file for a taxpayer")
	@PostMapping("/api/v1/agents/{agentMst}/contracts")
	ResponseEntity<AgentContract> register(@PathVariable String agentMst,
			@Valid @RequestBody ContractRegistration registration) {
		AgentContract contract = this.registry.register(new AgentContract(agentMst, registration.taxpayerMst(),
				registration.contractNumber(), registration.validFrom(), registration.validTo()));
		return ResponseEntity.created(URI.create("/api/v1/agents/" + agentMst + "/contracts")).body(contract);
	}

	record TaxpayerRegistration(@NotBlank String mst, @NotBlank String name,
			@NotBlank @Pattern(regexp = "ACTIVE|SUSPENDED|CLOSED") String status, boolean eFiling,
			@NotBlank @Pattern(regexp = "[MQ]") String filingFrequency, @NotBlank @Pattern(regexp = "\\d{5}") String taxOfficeCode,
			@NotBlank @Pattern(regexp = "\\d{3}") String chapter) {

		Taxpayer toTaxpayer() {
			return new Taxpayer(this.mst, this.name, this.status, this.eFiling, this.filingFrequency, this.taxOfficeCode,
					this.chapter);
		}

	}

	record CertificateRegistration(@NotBlank String serialNumber, @NotBlank String subject, @NotNull Instant notBefore,
			@NotNull Instant notAfter) {

	}

	record ContractRegistration(@NotBlank String taxpayerMst, @NotBlank String contractNumber,
			@NotNull LocalDate validFrom, @Nullable LocalDate validTo) {

	}

}
