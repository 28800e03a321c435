package etax.batch.console.batches;

import java.util.UUID;

import etax.access.Caller;
import etax.batch.BatchProcessorProperties;
import etax.batch.bulk.Batch;
import etax.batch.bulk.BatchStatus;
import etax.batch.bulk.BulkFilings;
import etax.batch.bulk.ItemStatus;
import etax.batch.console.Confirmation;
import etax.batch.console.ConsoleActions;
import etax.batch.console.NotFoundException;
import etax.batch.console.Paging;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

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
 * Bulk filings the officer may see (ADR 0013: those with an item filed with the officer's office; all
 * for a national officer): the list, one batch with its items by status and their findings, and the
 * retry of a failed item.
 */
@Controller
@RequestMapping("/console/batches")
class BatchesController {

	private final BulkFilings filings;

	private final ConsoleActions actions;

	private final int pageSize;

	BatchesController(BulkFilings filings, ConsoleActions actions, BatchProcessorProperties properties) {
		this.filings = filings;
		this.actions = actions;
		this.pageSize = properties.console().pageSize();
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable BatchStatus status, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal Caller officer, HttpServletRequest request, Model model) {
		int at = Paging.at(page);
		BulkFilings.Page<Batch> batches = this.filings.batches(officer, status, at, this.pageSize);
		model.addAttribute("batches", batches.items().stream().map(Row::of).toList());
		model.addAttribute("paging", Paging.of(request, at, this.pageSize, batches.total()));
		model.addAttribute("status", status);
		model.addAttribute("statuses", BatchStatus.values());
		return "console/batches";
	}

	@GetMapping("/{id}")
	String batch(@PathVariable UUID id, @RequestParam(required = false) @Nullable ItemStatus status,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal Caller officer,
			HttpServletRequest request, Model model) {
		Batch batch = this.filings.find(id, officer).orElseThrow(() -> new NotFoundException("No batch " + id));
		int at = Paging.at(page);
		model.addAttribute("batch", batch);
		model.addAttribute("items",
				this.filings.items(id, status, at, this.pageSize, officer).stream().map(ItemView::of).toList());
		model.addAttribute("paging",
				Paging.of(request, at, this.pageSize, this.filings.countItems(id, status, officer)));
		model.addAttribute("status", status);
		model.addAttribute("statuses", ItemStatus.values());
		return "console/batch";
	}

	@PostMapping("/{id}/items/{itemNo}/retry")
	String retry(@PathVariable UUID id, @PathVariable int itemNo, @AuthenticationPrincipal Caller officer,
			RedirectAttributes flash) {
		return this.actions.perform(flash, "BATCH_ITEM_RETRY", "batch " + id + " item " + itemNo,
				() -> "Item " + itemNo + " filed again: " + this.filings.retry(id, itemNo, officer).status() + ".",
				"/console/batches/" + id);
	}

	/**
	 * Cancels a batch once the officer has confirmed it: the first post shows what will happen (the batch as
	 * the officer sees it), the second, with {@code confirmed}, cancels.
	 */
	@PostMapping("/{id}/cancel")
	String cancel(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirmed,
			@AuthenticationPrincipal Caller officer, RedirectAttributes flash, Model model) {
		if (!confirmed) {
			Batch batch = this.filings.find(id, officer).orElseThrow(() -> new NotFoundException("No batch " + id));
			return Confirmation
				.of("Cancel batch " + id + "?",
						"Items not filed yet will not be filed, for every office; items already filed keep their outcome. "
								+ "A cancelled batch cannot be resumed.",
						"/console/batches/" + id + "/cancel", "Yes, cancel the batch", "/console/batches/" + id)
				.fact("Status", batch.status())
				.fact("Received", batch.receivedAt())
				.fact("Items", batch.items())
				.fact("Items pending", batch.counts().pending())
				.fact("Items failed", batch.counts().failed())
				.show(model);
		}
		return this.actions.perform(flash, "BATCH_CANCEL", "batch " + id,
				() -> said(this.filings.cancel(id, officer)), "/console/batches/" + id);
	}

	/**
	 * What a cancellation did, in the officer's words: how many returns will not be filed (of every office:
	 * the batch's page shows only the officer's), and the batch's state.
	 */
	private static String said(BulkFilings.Cancellation cancellation) {
		Batch batch = cancellation.batch();
		if (cancellation.itemsCancelled() == 0) {
			return "Batch cancelled: " + batch.status() + "; no item was left to stop.";
		}
		String then = (batch.status() == BatchStatus.CANCELLED) ? "the batch is CANCELLED."
				: "the batch is " + batch.status() + " until the items being filed have their outcome, then CANCELLED.";
		return "Batch cancelled: " + cancellation.itemsCancelled() + " item(s) not filed yet will not be filed; " + then;
	}

	/**
	 * @param batch the batch
	 * @param duration from its receipt to its last outcome
	 */
	record Row(Batch batch, String duration) {

		static Row of(Batch batch) {
			return new Row(batch, Durations.between(batch.receivedAt(), batch.completedAt()));
		}

	}

}
