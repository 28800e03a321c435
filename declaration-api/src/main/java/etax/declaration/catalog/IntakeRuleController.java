package etax.declaration.catalog;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rules every return meets besides its form's own, so that a filer can look up any finding's rule id: the
 * envelope and the XSD, the signature, and the context rules. Read-only, authenticated like every endpoint.
 */
@RestController
@Tag(name = "Form catalog", description = "Form versions received, their XSDs and their rule catalogues")
class IntakeRuleController {

	@Operation(summary = "The rules of the intake besides each form's own",
			description = "In the order the intake runs them: the envelope and the XSD (ENV-*, XSD), the signature "
					+ "(SIG-*), then the context rules against the taxpayer registry, the deadlines and the other "
					+ "returns (CTX-*). Each with its stage, category, severity, what it checks in Vietnamese and "
					+ "English, and its source. The form's own rules, which run after the XSD, are at "
					+ "/api/v1/forms/{maTKhai}/versions/{version}/rules.")
	@GetMapping("/api/v1/rules")
	List<IntakeRule> rules() {
		return IntakeRules.all();
	}

}
