package etax.batch.console.batches;

import etax.access.Caller;
import etax.batch.BatchProcessorProperties;
import etax.batch.console.Confirmation;
import etax.batch.console.ConsoleActions;
import etax.batch.console.Paging;
import etax.batch.jobs.JobExecutionPage;
import etax.batch.jobs.JobExecutionSummary;
import etax.batch.jobs.JobExecutions;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Job executions of every job, newest first, and the restart of a failed or stopped one, or of one left running by a
 * process that died (recovered first, when its job can tell that no live process runs it: {@link JobExecutions}).
 */
@Controller
class JobsController {

	private final JobExecutions executions;

	private final ConsoleActions actions;

	private final int pageSize;

	JobsController(JobExecutions executions, ConsoleActions actions, BatchProcessorProperties properties) {
		this.executions = executions;
		this.actions = actions;
		this.pageSize = properties.console().pageSize();
	}

	@GetMapping("/console/jobs")
	String list(@RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
		int at = Paging.at(page);
		JobExecutionPage executions = this.executions.list(at, this.pageSize);
		model.addAttribute("executions", executions.items()
			.stream()
			.map((execution) -> Row.of(execution, this.executions.restartable(execution)))
			.toList());
		model.addAttribute("paging", Paging.of(request, at, this.pageSize, executions.totalItems()));
		return "console/jobs";
	}

	@PostMapping("/console/jobs/executions/{id}/restart")
	String restart(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirmed,
			@AuthenticationPrincipal Caller officer, RedirectAttributes flash, Model model) {
		if (!confirmed) {
			return Confirmation
				.of("Restart execution " + id + "?",
						"The job runs again from where the execution stopped: what it writes (interest booked to "
								+ "taxpayers' ledgers, returns filed, a day reconciled) is written then. An execution "
								+ "left running is first marked failed: only once the process that ran it has died.",
						"/console/jobs/executions/" + id + "/restart", "Yes, restart it", "/console/jobs")
				.show(model);
		}
		return this.actions.perform(flash, "JOB_RESTART", "job-execution " + id, () -> {
			JobExecutionSummary restarted = this.executions.restart(id, officer);
			return "Restarted as execution " + restarted.id() + ": " + restarted.status() + ".";
		}, "/console/jobs");
	}

	/**
	 * @param execution the execution
	 * @param duration how long it ran
	 * @param restartable whether an officer may restart it
	 */
	record Row(JobExecutionSummary execution, String duration, boolean restartable) {

		static Row of(JobExecutionSummary execution, boolean restartable) {
			return new Row(execution, Durations.between(execution.startTime(), execution.endTime()), restartable);
		}

	}

}
