package etax.batch.console;

import java.util.function.Supplier;

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
 * wrong status) is shown as the domain words it; an unexpected failure is logged and shown briefly.
 */
@Component
public class ConsoleActions {

	private static final Logger log = LoggerFactory.getLogger(ConsoleActions.class);

	private final ConsoleAudit audit;

	ConsoleActions(ConsoleAudit audit) {
		this.audit = audit;
	}

	/**
	 * @param flash where the message goes
	 * @param action what, e.g. {@code WORK_ITEM_APPROVE}
	 * @param target on what, e.g. {@code work-item 42}
	 * @param work does it and says what was done
	 * @param then the page to go back to
	 * @return the redirect
	 */
	public String perform(RedirectAttributes flash, String action, @Nullable String target, Supplier<String> work,
			String then) {
		ConsoleAuthentication officer = ConsoleAuthentication.current();
		try {
			String done = work.get();
			this.audit.record(officer.caller(), action, target, ConsoleAudit.Outcome.OK, done);
			flash.addFlashAttribute("message", done);
		}
		catch (RestClientException | DataAccessException | IllegalStateException | NullPointerException ex) {
			log.warn("Console action failed action={} target={}", action, target, ex);
			String shown = (ex instanceof RestClientException) ? "The other service did not do it: " + ex.getMessage()
					: "It could not be done; the error is in the service log.";
			this.audit.record(officer.caller(), action, target, ConsoleAudit.Outcome.FAILED, shown);
			flash.addFlashAttribute("error", shown);
		}
		catch (RuntimeException ex) {
			String shown = String.valueOf(ex.getMessage());
			this.audit.record(officer.caller(), action, target, ConsoleAudit.Outcome.REFUSED, shown);
			flash.addFlashAttribute("error", shown);
		}
		return "redirect:" + then;
	}

}
