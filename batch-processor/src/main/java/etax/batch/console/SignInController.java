package etax.batch.console;

import java.time.Instant;

import etax.access.ApiSecurity;
import etax.access.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in with an access token of the identity provider, verified exactly as the API verifies bearer
 * tokens (issuer, audience, expiry, RS256). Only officers and national officers sign in.
 */
@Controller
class SignInController {

	private static final Logger log = LoggerFactory.getLogger(SignInController.class);

	private final JwtDecoder tokens;

	private final ApiSecurity api;

	private final SecurityContextRepository contexts;

	private final ConsoleAudit audit;

	SignInController(JwtDecoder tokens, ApiSecurity api, SecurityContextRepository consoleSecurityContextRepository,
			ConsoleAudit audit) {
		this.tokens = tokens;
		this.api = api;
		this.contexts = consoleSecurityContextRepository;
		this.audit = audit;
	}

	@GetMapping("/console")
	String home() {
		return "redirect:/console/exceptions";
	}

	@GetMapping(ConsoleSecurity.LOGIN)
	String form() {
		return "console/login";
	}

	@PostMapping(ConsoleSecurity.LOGIN)
	String signIn(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Jwt jwt;
		Caller caller;
		try {
			jwt = this.tokens.decode(token.strip());
			caller = this.api.caller(jwt);
		}
		catch (JwtException | OAuth2AuthenticationException | IllegalArgumentException ex) {
			log.info("Console sign-in refused: {}", ex.getMessage());
			return refused(model, response, "The token was not accepted (" + reason(ex) + ").");
		}
		if (!caller.isOfficer()) {
			this.audit.record(caller, "SIGN_IN", null, ConsoleAudit.Outcome.REFUSED, "role " + caller.role());
			return refused(model, response, "Only officers and national officers may sign in to the console.");
		}
		Instant expiresAt = (jwt.getExpiresAt() != null) ? jwt.getExpiresAt() : Instant.EPOCH;
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new ConsoleAuthentication(caller, token.strip(), expiresAt));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		this.audit.record(caller, "SIGN_IN", null, ConsoleAudit.Outcome.OK, "token valid until " + expiresAt);
		return "redirect:/console/exceptions";
	}

	private static String refused(Model model, HttpServletResponse response, String error) {
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		model.addAttribute("error", error);
		return "console/login";
	}

	private static String reason(Exception ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		@Nullable String first = message.lines().findFirst().orElse(message);
		return (first.length() > 200) ? first.substring(0, 200) + "…" : first;
	}

}
