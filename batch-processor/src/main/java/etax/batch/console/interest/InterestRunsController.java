package etax.batch.console.interest;

import java.time.LocalDate;

import etax.batch.BatchProcessorProperties;
import etax.batch.console.Paging;
import etax.batch.interest.InterestAssessments;
import etax.batch.interest.InterestRunPage;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Completed interest runs, the latest day first, and one day's run by tax type: the same answers as the
 * API's {@code GET /api/v1/assessments/runs} and {@code …/runs/{day}}, through the same service. The runs
 * are the nation's (interest is assessed for every office at once), as the API shows them to every officer.
 */
@Controller
class InterestRunsController {

	private final InterestAssessments assessments;

	private final int pageSize;

	InterestRunsController(InterestAssessments assessments, BatchProcessorProperties properties) {
		this.assessments = assessments;
		this.pageSize = properties.console().pageSize();
	}

	@GetMapping("/console/interest/runs")
	String runs(@RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
		int at = Paging.at(page);
		InterestRunPage runs = this.assessments.runs(at, this.pageSize);
		model.addAttribute("runs", runs.items());
		model.addAttribute("paging", Paging.of(request, at, this.pageSize, runs.totalItems()));
		return "console/interest-runs";
	}

	@GetMapping("/console/interest/runs/{day}")
	String run(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
		model.addAttribute("run", this.assessments.run(day));
		return "console/interest-run";
	}

}
