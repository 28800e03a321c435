package etax.batch.console;

import java.text.ParseException;
import java.time.Instant;
import java.util.regex.Pattern;

import com.nimbusds.jwt.JWTParser;
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
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in with an access token of the identity provider, verified exactly as the API verifies bearer
 * tokens (issuer, audience, expiry, RS256). Only officers and national officers sign in. Every refusal is
 * audited with who tried (for a token that was not accepted, the subject it claims, marked unverified),
 * from where and why, never the token. A sign-in lands on the console page a link led to ({@link DeepLinks}).
 */
@Controller
class SignInController {

	private static final Logger log = LoggerFactory.getLogger(SignInController.class);

	/** What a token looks like inside an error message: three base64url parts. */
	private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");

	private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]{1,100}");

	/** The role recorded for a sign-in whose token was not accepted: its claims are not to be believed. */
	static final String UNVERIFIED = "UNVERIFIED";

	private final JwtDecoder tokens;

	private final ApiSecurity api;

	private final SecurityContextRepository contexts;

	private final ConsoleAudit audit;

	private final CsrfTokenRepository csrfTokens;

	SignInController(JwtDecoder tokens, ApiSecurity api, SecurityContextRepository consoleSecurityContextRepository,
			ConsoleAudit audit, CsrfTokenRepository consoleCsrfTokens) {
		this.tokens = tokens;
		this.api = api;
		this.contexts = consoleSecurityContextRepository;
		this.audit = audit;
		this.csrfTokens = consoleCsrfTokens;
	}

	@GetMapping("/console")
	String home() {
		return "redirect:" + DeepLinks.HOME;
	}

	@GetMapping(ConsoleSecurity.LOGIN)
	String form(@RequestParam(required = false) @Nullable String next, Model model) {
		model.addAttribute("next", DeepLinks.safe(next));
		return "console/login";
	}

	@PostMapping(ConsoleSecurity.LOGIN)
	String signIn(@RequestParam(defaultValue = "") String token, @RequestParam(required = false) @Nullable String next,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		model.addAttribute("next", DeepLinks.safe(next));
		String presented = token.strip();
		Jwt jwt;
		Caller caller;
		try {
			jwt = this.tokens.decode(presented);
			caller = this.api.caller(jwt);
		}
		catch (JwtException | OAuth2AuthenticationException | IllegalArgumentException ex) {
			String why = reason(ex, presented);
			log.info("Console sign-in refused: {}", why);
			this.audit.record(claimedSubject(presented), UNVERIFIED, "SIGN_IN", null, ConsoleAudit.Outcome.REFUSED, null,
					"token not accepted (" + why + "); subject as the token claims it; " + from(request));
			return refused(model, response, "The token was not accepted (" + why + ").");
		}
		if (!caller.isOfficer()) {
			this.audit.record(caller, "SIGN_IN", null, ConsoleAudit.Outcome.REFUSED, null,
					"role " + caller.role() + " may not use the console; " + from(request));
			return refused(model, response, "Only officers and national officers may sign in to the console.");
		}
		Instant expiresAt = (jwt.getExpiresAt() != null) ? jwt.getExpiresAt() : Instant.EPOCH;
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		// a CSRF token a signed-out page gave out is not the signed-in officer's: the next page gets a new one
		this.csrfTokens.saveToken(null, request, response);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new ConsoleAuthentication(caller, presented, expiresAt));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		this.audit.record(caller, "SIGN_IN", null, ConsoleAudit.Outcome.OK, "token valid until " + expiresAt);
		return "redirect:" + DeepLinks.target(next);
	}

	private static String refused(Model model, HttpServletResponse response, String error) {
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		model.addAttribute("error", error);
		return "console/login";
	}

	/**
	 * The subject a token that was not accepted claims, read without verifying it: who tried, as far as the
	 * token says (a forged token says what its forger chose). Printable and short, or {@code (unknown)}.
	 */
	static String claimedSubject(String token) {
		try {
			String subject = JWTParser.parse(token).getJWTClaimsSet().getSubject();
			return (subject != null && PRINTABLE.matcher(subject).matches()) ? subject : "(unknown)";
		}
		catch (ParseException | RuntimeException ex) {
			return "(unknown)";
		}
	}

	private static String from(HttpServletRequest request) {
		return "from " + request.getRemoteAddr();
	}

	/** Why a token was not accepted, in one short line that never repeats the token. */
	static String reason(Exception ex, String token) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		String first = message.lines().findFirst().orElse(message);
		if (!token.isEmpty()) {
			first = first.replace(token, "[token]");
		}
		first = TOKEN_LIKE.matcher(first).replaceAll("[token]");
		return (first.length() > 200) ? first.substring(0, 200) + "…" : first;
	}

}
