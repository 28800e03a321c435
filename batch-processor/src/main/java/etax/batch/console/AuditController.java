package etax.batch.console;

import etax.access.Caller;
import etax.batch.BatchProcessorProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit of console actions, newest first, by officer and action: an office officer's page lists the
 * actions of its office's officers only ({@link ConsoleAudit}), a national officer's every action.
 */
@Controller
class AuditController {

	private final ConsoleAudit audit;

	private final int pageSize;

	AuditController(ConsoleAudit audit, BatchProcessorProperties properties) {
		this.audit = audit;
		this.pageSize = properties.console().pageSize();
	}

	@GetMapping("/console/audit")
	String audit(@RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @Nullable String action, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal Caller officer, HttpServletRequest request, Model model) {
		String who = Paging.text(subject);
		String what = Paging.text(action);
		int at = Paging.at(page);
		model.addAttribute("entries", this.audit.page(officer, who, what, at, this.pageSize));
		model.addAttribute("paging", Paging.of(request, at, this.pageSize, this.audit.count(officer, who, what)));
		model.addAttribute("office", officer.taxOffice());
		model.addAttribute("subject", who);
		model.addAttribute("action", what);
		return "console/audit";
	}

}
