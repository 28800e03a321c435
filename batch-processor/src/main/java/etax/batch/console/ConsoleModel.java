package etax.batch.console;

import etax.access.Caller;
import etax.batch.BatchProcessorProperties;
import etax.batch.bulk.BatchItemNotFoundException;
import etax.batch.bulk.BatchNotFoundException;
import etax.batch.interest.InterestRunNotFoundException;
import etax.batch.jobs.JobExecutionNotFoundException;
import etax.batch.reconciliation.workitems.WorkItemNotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page has: the signed-in officer, the page size, whether the sign-in page explains
 * local tokens; and a page of its own for what is not found (or not in the officer's scope). The
 * framework's errors (a malformed address) are {@link ConsoleErrorPages}'s.
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

	private final BatchProcessorProperties.Console settings;

	ConsoleModel(BatchProcessorProperties properties) {
		this.settings = properties.console();
	}

	@ModelAttribute("officer")
	@Nullable Caller officer() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication instanceof ConsoleAuthentication console) ? console.caller() : null;
	}

	@ModelAttribute("localTokens")
	boolean localTokens() {
		return this.settings.localTokens();
	}

	@ExceptionHandler({ WorkItemNotFoundException.class, BatchNotFoundException.class, BatchItemNotFoundException.class,
			JobExecutionNotFoundException.class, InterestRunNotFoundException.class, NotFoundException.class })
	String notFound(RuntimeException ex, HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("officer", officer());
		model.addAttribute("what", ex.getMessage());
		return "console/not-found";
	}

}
