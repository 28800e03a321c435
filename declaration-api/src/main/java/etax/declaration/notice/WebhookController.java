package etax.declaration.notice;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import etax.access.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A filer registers where its notices are pushed, and sees every delivery. */
@RestController
class WebhookController {

	private final Webhooks webhooks;

	WebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@Operation(summary = "Register a webhook for your notices",
			description = "Answers the webhook with its signing secret, shown this once. Every notice of your "
					+ "filings (AcceptanceNotice) and of your batches (BatchCompleted) is POSTed there as JSON, and, "
					+ "when a taxpayer registers it for itself, the monthly notice of its arrears (ArrearsNotified); "
					+ "each carries eventId, the same for every attempt. Only notices issued after the registration "
					+ "are sent. Each request has the header X-Etax-Signature: "
					+ "t=<epoch seconds>,v1=<hex HMAC-SHA256 over \"t.body\">, keyed with the 32 bytes the secret's "
					+ "64 hex digits encode (not the secret's text); compare in constant time, and refuse a t far "
					+ "from now. An https URL of a "
					+ "public host (no loopback, private or link-local address), at most 2048 characters; 409 if you "
					+ "registered the same URL before.")
	@ApiResponse(responseCode = "201", description = "Registered: the webhook and its signing secret", useReturnTypeSchema = true)
	@PostMapping("/api/v1/webhooks")
	ResponseEntity<Webhook> register(@Valid @RequestBody Registration registration, @AuthenticationPrincipal Caller filer) {
		Webhook webhook = this.webhooks.register(filer, registration.url());
		return ResponseEntity.created(URI.create("/api/v1/webhooks/" + webhook.id())).body(webhook);
	}

	@Operation(summary = "Your webhooks in use, oldest first", description = "Without their secrets.")
	@GetMapping("/api/v1/webhooks")
	List<WebhookView> webhooks(Principal filer) {
		return this.webhooks.webhooks(filer.getName());
	}

	@Operation(summary = "Remove one of your webhooks",
			description = "It receives nothing more: its pending deliveries are cancelled (status CANCELLED). Its "
					+ "deliveries stay readable, and its URL may be registered again as a new webhook. 404 "
					+ "webhook-not-found if you have no such webhook in use.")
	@ApiResponse(responseCode = "204", description = "Removed")
	@DeleteMapping("/api/v1/webhooks/{id}")
	ResponseEntity<Void> remove(@PathVariable UUID id, Principal filer) {
		this.webhooks.remove(filer.getName(), id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Replace one of your webhook's signing secret",
			description = "For a secret lost or exposed: answers the webhook with its new secret, shown this once. Every "
					+ "request from now on, retries of earlier notices included, is signed with it. 404 "
					+ "webhook-not-found if you have no such webhook in use.")
	@PostMapping("/api/v1/webhooks/{id}:replace-secret")
	Webhook replaceSecret(@PathVariable UUID id, Principal filer) {
		return this.webhooks.replaceSecret(filer.getName(), id);
	}

	@Operation(summary = "The deliveries to one of your webhooks, newest first",
			description = "At most size (200 unless said, at most 200); the older ones with before= the id of the last "
					+ "delivery listed.")
	@GetMapping("/api/v1/webhooks/{id}/deliveries")
	List<WebhookDelivery> deliveries(@PathVariable UUID id,
			@RequestParam(defaultValue = "9223372036854775807") @Min(1) long before,
			@RequestParam(defaultValue = "200") @Min(1) @Max(200) int size, Principal filer) {
		return this.webhooks.deliveries(filer.getName(), id, before, size);
	}

	record Registration(@NotBlank @Size(max = WebhookTargets.MAX_URL_LENGTH) String url) {

	}

}
