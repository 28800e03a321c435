package etax.batch.console.reconciliation;

import java.time.LocalDate;

import etax.access.Caller;
import etax.batch.BatchProcessorProperties;
import etax.batch.console.Confirmation;
import etax.batch.console.ConsoleActions;
import etax.batch.console.Paging;
import etax.batch.jobs.JobExecutionSummary;
import etax.batch.reconciliation.LineClass;
import etax.batch.reconciliation.OfficeScope;
import etax.batch.reconciliation.ReconciliationCalendar;
import etax.batch.reconciliation.ReconciliationDays;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reconciliation days, newest first; one day with its totals per class and currency, its files and its
 * lines (totals and lines in the officer's scope, by class); and a run of a day, from the earliest day that
 * may be reconciled to yesterday.
 */
@Controller
class ReconciliationPagesController {

	private final ReconciliationCalendar calendar;

	private final ReconciliationDays days;

	private final ConsoleActions actions;

	private final int pageSize;

	ReconciliationPagesController(ReconciliationCalendar calendar, ReconciliationDays days, ConsoleActions actions,
			BatchProcessorProperties properties) {
		this.calendar = calendar;
		this.days = days;
		this.actions = actions;
		this.pageSize = properties.console().pageSize();
	}

	@GetMapping("/console/reconciliation")
	String days(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal Caller officer,
			HttpServletRequest request, Model model) {
		int at = Paging.at(page);
		OfficeScope scope = OfficeScope.of(officer);
		model.addAttribute("days", this.calendar.page(scope, at, this.pageSize));
		model.addAttribute("paging", Paging.of(request, at, this.pageSize, this.calendar.count()));
		model.addAttribute("scope", scope);
		model.addAttribute("lastClosedDay", this.days.lastClosedDay());
		model.addAttribute("earliestDay", this.days.earliestDay());
		return "console/reconciliation-days";
	}

	@GetMapping("/console/reconciliation/days/{day}")
	String day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(name = "class", required = false) @Nullable LineClass lineClass,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal Caller officer,
			HttpServletRequest request, Model model) {
		int at = Paging.at(page);
		OfficeScope scope = OfficeScope.of(officer);
		ReconciliationDays.LinePage lines = this.days.lines(day, lineClass, scope, at, this.pageSize);
		model.addAttribute("day", this.days.day(day, scope));
		model.addAttribute("scope", scope);
		model.addAttribute("lines", lines.items());
		model.addAttribute("paging", Paging.of(request, at, this.pageSize, lines.totalItems()));
		model.addAttribute("lineClass", lineClass);
		model.addAttribute("classes", LineClass.values());
		return "console/reconciliation-day";
	}

	@PostMapping("/console/reconciliation/runs")
	String run(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(defaultValue = "false") boolean confirmed, @AuthenticationPrincipal Caller officer,
			RedirectAttributes flash, Model model) {
		if (!confirmed) {
			return Confirmation
				.of("Run the reconciliation of " + day + "?",
						"The day is classified again from the files received for it, for every office: an item whose "
								+ "line changed class is reopened, and a correction request awaiting approval on such a "
								+ "line is withdrawn (and withdrawn at payment-gateway).",
						"/console/reconciliation/runs", "Yes, run it", "/console/reconciliation/days/" + day)
				.field("day", day, null)
				.show(model);
		}
		return this.actions.perform(flash, "RECONCILIATION_RUN", "day " + day, () -> {
			JobExecutionSummary run = this.days.run(day, officer.subject());
			return "Reconciliation of " + day + " ran as execution " + run.id() + ": " + run.status() + ".";
		}, "/console/reconciliation/days/" + day);
	}

}
