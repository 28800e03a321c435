package etax.batch.reconciliation.web;

import java.time.LocalDate;
import java.util.UUID;

import etax.access.Caller;
import etax.batch.reconciliation.LineClass;
import etax.batch.reconciliation.workitems.Resolution;
import etax.batch.reconciliation.workitems.WorkItemStatus;
import etax.batch.reconciliation.workitems.WorkItems;
import etax.batch.reconciliation.workitems.WorkItems.Detail;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Work items over HTTP: list, read with history, assign, comment, resolve, approve, reject. Each answer is
 * the item as it stands after the action.
 */
@RestController
@RequestMapping("/api/v1/reconciliation/work-items")
class WorkItemController {

	private final WorkItems workItems;

	WorkItemController(WorkItems workItems) {
		this.workItems = workItems;
	}

	@Operation(summary = "Work items of the caller's tax office, newest day first",
			description = "Paged from the last item shown: the first page, then after=<the answer's next> (<day>,<id>) "
					+ "until next is null; items that leave the filter meanwhile (assigned, resolved) skip none of the "
					+ "others. page=<n> still pages by number (page is ignored with after), and skips as many items as "
					+ "left before it.")
	@GetMapping
	WorkItems.Page list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@RequestParam(required = false) @Nullable WorkItemStatus status,
			@RequestParam(name = "class", required = false) @Nullable LineClass lineClass,
			@RequestParam(required = false) @Nullable String assignee,
			@RequestParam(required = false) WorkItems.@Nullable After after,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, @AuthenticationPrincipal Caller caller) {
		WorkItems.Query query = new WorkItems.Query(day, status, lineClass, assignee);
		return (after != null || page == 0) ? this.workItems.after(query, caller, after, size)
				: this.workItems.page(query, caller, page, size);
	}

	@GetMapping("/{id}")
	Detail get(@PathVariable long id, @AuthenticationPrincipal Caller caller) {
		return this.workItems.detail(id, caller);
	}

	@Operation(summary = "Assign to an officer (the caller when no assignee is given)")
	@PostMapping("/{id}:assign")
	Detail assign(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable Assignment assignment,
			@AuthenticationPrincipal Caller caller) {
		return this.workItems.assign(id, (assignment != null) ? assignment.assignee() : null, caller);
	}

	@PostMapping("/{id}/comments")
	Detail comment(@PathVariable long id, @Valid @RequestBody Text comment, @AuthenticationPrincipal Caller caller) {
		return this.workItems.comment(id, comment.text(), caller);
	}

	@Operation(summary = "Resolve: EXPLAINED at once; RECODE, REVERSE, RECORD are proposed at the gateway in the "
			+ "caller's name and wait for a second officer's approval")
	@PostMapping("/{id}:resolve")
	Detail resolve(@PathVariable long id, @Valid @RequestBody Resolution resolution,
			@AuthenticationPrincipal Caller caller, @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
		return this.workItems.resolve(id, resolution, caller, authorization);
	}

	@Operation(summary = "Approve a resolution that moves money (approver claim, not the resolver): "
			+ "its correction request, named by the correctionId the approver reviewed, is recorded at the gateway")
	@PostMapping("/{id}:approve")
	Detail approve(@PathVariable long id, @Valid @RequestBody Approval approval, @AuthenticationPrincipal Caller caller,
			@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
		return this.workItems.approve(id, approval.correctionId(), caller, authorization);
	}

	@Operation(summary = "Send a proposed resolution back to the officer who made it",
			description = "With the correctionId the approver reviewed, only that request is sent back (409 if the item "
					+ "now waits for another); without it, the one waiting now.")
	@PostMapping("/{id}:reject")
	Detail reject(@PathVariable long id, @Valid @RequestBody Rejection rejection, @AuthenticationPrincipal Caller caller) {
		return this.workItems.reject(id, rejection.correctionId(), rejection.text(), caller);
	}

	/** The request the approver reviewed: an approval never records one it did not see. */
	record Approval(@NotNull UUID correctionId) {
	}

	record Assignment(@Size(max = WorkItems.MAX_ASSIGNEE) @Nullable String assignee) {
	}

	/** A comment or a reason: kept for good in the item's history, so bounded. */
	record Text(@NotBlank @Size(max = WorkItems.MAX_TEXT) String text) {
	}

	/** Why a proposal is sent back, and which one the approver reviewed, if it says. */
	record Rejection(@NotBlank @Size(max = WorkItems.MAX_TEXT) String text, @Nullable UUID correctionId) {
	}

}
