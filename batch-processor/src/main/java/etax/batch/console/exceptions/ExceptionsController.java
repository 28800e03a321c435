package etax.batch.console.exceptions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import etax.access.Caller;
import etax.batch.BatchProcessorProperties;
import etax.batch.console.ConsoleActions;
import etax.batch.console.ConsoleAuthentication;
import etax.batch.console.KeysetPaging;
import etax.batch.console.Paging;
import etax.batch.reconciliation.LineClass;
import etax.batch.reconciliation.workitems.CorrectionRequest;
import etax.batch.reconciliation.workitems.Resolution;
import etax.batch.reconciliation.workitems.ResolutionKind;
import etax.batch.reconciliation.workitems.WorkItemStatus;
import etax.batch.reconciliation.workitems.WorkItems;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The exceptions queue and one item: filter by day, status and class; assign, comment, resolve; approve
 * or send back as a second officer with the approver claim. Every action goes through {@link WorkItems},
 * which keeps the item's history and the four-eyes rule. Resolving and approving are confirmed first
 * ({@link Decisions}): the first post shows what will happen, and for a RECODE the coding it changes.
 */
@Controller
@RequestMapping("/console/exceptions")
class ExceptionsController {

	/** The most digits a corrected amount may have on either side of the point, before it is checked in detail. */
	private static final int DIGITS = 18;

	private final WorkItems workItems;

	private final ConsoleActions actions;

	private final int pageSize;

	ExceptionsController(WorkItems workItems, ConsoleActions actions, BatchProcessorProperties properties) {
		this.workItems = workItems;
		this.actions = actions;
		this.pageSize = properties.console().pageSize();
	}

	@GetMapping
	String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@RequestParam(required = false) @Nullable WorkItemStatus status,
			@RequestParam(name = "class", required = false) @Nullable LineClass lineClass,
			@RequestParam(required = false) @Nullable String assignee,
			@RequestParam(required = false) WorkItems.@Nullable After after, @AuthenticationPrincipal Caller officer,
			HttpServletRequest request, Model model) {
		// from the last item shown, not by page number: items leave the queue as officers assign and resolve them,
		// and the next page's number would skip as many of the others
		WorkItems.Page items = this.workItems.after(new WorkItems.Query(day, status, lineClass, Paging.text(assignee)),
				officer, after, this.pageSize);
		model.addAttribute("items", items.items());
		model.addAttribute("paging", KeysetPaging.of(request, (after != null) ? after.toString() : null,
				items.items().size(), items.totalItems(), items.next()));
		model.addAttribute("day", day);
		model.addAttribute("status", status);
		model.addAttribute("lineClass", lineClass);
		model.addAttribute("assignee", Paging.text(assignee));
		model.addAttribute("statuses", WorkItemStatus.values());
		model.addAttribute("classes", LineClass.values());
		return "console/exceptions";
	}

	@GetMapping("/{id}")
	String item(@PathVariable long id, @AuthenticationPrincipal Caller officer, Model model) {
		WorkItems.Detail detail = this.workItems.detail(id, officer);
		model.addAttribute("detail", detail);
		model.addAttribute("kinds", ResolutionKind.values());
		model.addAttribute("diff", Decisions.pendingDiff(detail));
		model.addAttribute("awaiting", Decisions.awaiting(detail).map(CorrectionRequest::correctionId).orElse(null));
		return "console/exception";
	}

	@PostMapping("/{id}/assign")
	String assign(@PathVariable long id, @RequestParam(required = false) @Nullable String assignee,
			@AuthenticationPrincipal Caller officer, RedirectAttributes flash) {
		return this.actions.perform(flash, "WORK_ITEM_ASSIGN", target(id), () -> "Assigned to "
				+ this.workItems.assign(id, Paging.text(assignee), officer).item().assignee() + ".", page(id));
	}

	@PostMapping("/{id}/comments")
	String comment(@PathVariable long id, @RequestParam String text, @AuthenticationPrincipal Caller officer,
			RedirectAttributes flash) {
		return this.actions.perform(flash, "WORK_ITEM_COMMENT", target(id), () -> {
			require(Paging.text(text) != null, "A comment needs some text.");
			this.workItems.comment(id, text.strip(), officer);
			return "Comment added.";
		}, page(id));
	}

	@PostMapping("/{id}/resolve")
	String resolve(@PathVariable long id, @RequestParam(required = false) @Nullable ResolutionKind kind,
			@RequestParam(defaultValue = "") String reason, @RequestParam(required = false) @Nullable String chapter,
			@RequestParam(required = false) @Nullable String subItem,
			@RequestParam(required = false) @Nullable String areaCode,
			@RequestParam(required = false) @Nullable BigDecimal amount,
			@RequestParam(defaultValue = "false") boolean confirmed, @AuthenticationPrincipal Caller officer,
			RedirectAttributes flash, Model model) {
		if (amount != null && !plausible(amount)) {
			// 1e999999999 is a BigDecimal of one digit, written out on the confirmation a billion
			flash.addFlashAttribute("error", "The corrected amount has at most 18 digits on either side of the "
					+ "decimal point.");
			return "redirect:" + page(id);
		}
		CorrectionRequest.Coding corrected = (kind == ResolutionKind.RECODE) ? new CorrectionRequest.Coding(
				Paging.text(chapter), Paging.text(subItem), Paging.text(areaCode), amount) : null;
		if (!confirmed && kind != null) {
			return Decisions.resolve(this.workItems.detail(id, officer), kind, reason.strip(), corrected).show(model);
		}
		String authorization = ConsoleAuthentication.current().bearer();
		return this.actions.perform(flash, "WORK_ITEM_RESOLVE", target(id), () -> {
			WorkItemStatus status = this.workItems
				.resolve(id, new Resolution(kind, Paging.text(reason), corrected), officer, authorization)
				.item()
				.status();
			return (status == WorkItemStatus.AWAITING_APPROVAL)
					? "Resolution proposed: it waits for a second officer's approval." : "Resolved.";
		}, page(id));
	}

	@PostMapping("/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirmed,
			@RequestParam(required = false) @Nullable UUID correctionId, @AuthenticationPrincipal Caller officer,
			RedirectAttributes flash, Model model) {
		if (!confirmed || correctionId == null) {
			WorkItems.Detail detail = this.workItems.detail(id, officer);
			Optional<CorrectionRequest> awaiting = Decisions.awaiting(detail);
			if (awaiting.isPresent()) {
				return Decisions.approve(detail, awaiting.get()).show(model);
			}
		}
		String authorization = ConsoleAuthentication.current().bearer();
		return this.actions.perform(flash, "WORK_ITEM_APPROVE", target(id), () -> {
			require(correctionId != null, "Nothing waits for approval.");
			this.workItems.approve(id, Objects.requireNonNull(correctionId), officer, authorization);
			return "Approved: the correction request is recorded at the gateway.";
		}, page(id));
	}

	@PostMapping("/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
			@RequestParam(required = false) @Nullable UUID correctionId, @AuthenticationPrincipal Caller officer,
			RedirectAttributes flash) {
		return this.actions.perform(flash, "WORK_ITEM_REJECT", target(id), () -> {
			require(Paging.text(reason) != null, "Say why the resolution is sent back.");
			require(correctionId != null, "Nothing waits for approval.");
			this.workItems.reject(id, correctionId, reason.strip(), officer);
			return "Sent back to the officer who proposed it.";
		}, page(id));
	}

	private static boolean plausible(BigDecimal amount) {
		return amount.precision() - amount.scale() <= DIGITS && amount.scale() <= DIGITS;
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	private static String target(long id) {
		return "work-item " + id;
	}

	private static String page(long id) {
		return Decisions.page(id);
	}

}
