package etax.batch.console;

import java.util.function.Supplier;

import etax.access.RedactedException;
import etax.batch.bulk.DeclarationApiException;
import etax.batch.reconciliation.workitems.CorrectionNotRecordedException;
import etax.batch.service.ServiceTokenException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs an officer's action from a form: records it in the audit with its outcome, and leaves a message
 * for the page the browser is sent back to (post, redirect, get). A refusal by the domain (four eyes, a
 * wrong status) or by another service the action is forwarded to (its problem's title and detail, and the
 * problem's type in the audit) is REFUSED and shown in the words it came with; FAILED means the console
 * or the other service failed, is logged and shown briefly.
 */
@Component
public class ConsoleActions {

	private static final Logger log = LoggerFactory.getLogger(ConsoleActions.class);

	private final ConsoleAudit audit;

	ConsoleActions(ConsoleAudit audit) {
		this.audit = audit;
	}

	/**
	 * An action done here, or forwarded to a service not named.
	 * @see #forward
	 */
	public String perform(RedirectAttributes flash, String action, @Nullable String target, Supplier<String> work,
			String then) {
		return forward(flash, action, target, "The other service", work, then);
	}

	/**
	 * @param flash where the message goes
	 * @param action what, e.g. {@code DLQ_REDRIVE}
	 * @param target on what, e.g. {@code rejected-message 42}
	 * @param service the service the action is forwarded to, named in the message when it refuses or fails
	 * @param work does it and says what was done
	 * @param then the page to go back to
	 * @return the redirect
	 */
	public String forward(RedirectAttributes flash, String action, @Nullable String target, String service,
			Supplier<String> work, String then) {
		ConsoleAuthentication officer = ConsoleAuthentication.current();
		Ending ending;
		try {
			// a failure to audit it is handled there, not below as the action's
			return done(officer, action, target, work.get(), flash, then);
		}
		catch (RestClientException ex) {
			ServiceProblem problem = ServiceProblem.of(service, ex);
			if (!problem.refused()) {
				log.warn("Console action failed at another service action={} status={}", action, problem.status(),
						RedactedException.of(ex));
			}
			ending = new Ending(problem.refused() ? ConsoleAudit.Outcome.REFUSED : ConsoleAudit.Outcome.FAILED,
					problem.type(), problem.words());
		}
		catch (CorrectionNotRecordedException ex) {
			boolean refused = ex.gatewayStatus() >= 400 && ex.gatewayStatus() < 500;
			if (!refused) {
				log.warn("Console action failed at payment-gateway action={} status={}", action, ex.gatewayStatus(),
						RedactedException.of(ex));
			}
			ending = new Ending(refused ? ConsoleAudit.Outcome.REFUSED : ConsoleAudit.Outcome.FAILED,
					ex.gatewayType(), String.valueOf(ex.getMessage()));
		}
		catch (RuntimeException ex) {
			if (refusal(ex)) {
				ending = new Ending(ConsoleAudit.Outcome.REFUSED, null, String.valueOf(ex.getMessage()));
			}
			else {
				log.warn("Console action failed action={}: {}", action, RedactedException.describe(ex),
						RedactedException.of(ex));
				ending = new Ending(ConsoleAudit.Outcome.FAILED, null,
						"It could not be done; the error is in the service log.");
			}
		}
		this.audit.record(officer.caller(), action, target, ending.outcome(), ending.problemType(), ending.shown());
		flash.addFlashAttribute("error", ending.shown());
		return "redirect:" + then;
	}

	/**
	 * What was done is done (money may have moved at another service): a record of it that cannot be written is
	 * logged, not shown to the officer as the action failing, which would have it done again.
	 */
	private String done(ConsoleAuthentication officer, String action, @Nullable String target, String done,
			RedirectAttributes flash, String then) {
		try {
			this.audit.record(officer.caller(), action, target, ConsoleAudit.Outcome.OK, done);
		}
		catch (RuntimeException ex) {
			log.error("Console action done but not audited action={}: {}", action, RedactedException.describe(ex),
					RedactedException.of(ex));
		}
		flash.addFlashAttribute("message", done);
		return "redirect:" + then;
	}

	/**
	 * A refusal in words an officer acts on: this service's own exceptions, which say why in those words, and an
	 * input out of bounds; not one that says this service or another could not do it now (a database, a token, a
	 * service down), nor the JDK's and the frameworks' (a bug, whose message is no officer's business).
	 */
	private static boolean refusal(RuntimeException ex) {
		if (ex instanceof DataAccessException || ex instanceof ServiceTokenException
				|| ex instanceof DeclarationApiException) {
			return false;
		}
		return ex instanceof IllegalArgumentException || ex.getClass().getPackageName().startsWith("etax.");
	}

	private record Ending(ConsoleAudit.Outcome outcome, @Nullable String problemType, String shown) {

	}

}
