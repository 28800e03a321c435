package etax.devstack.conformance;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the packs share: running cases one after the other (a case that fails does not stop the others),
 * sending requests with a bearer token, and checking answers.
 */
abstract class Cases {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** A service that does not answer in time fails the case rather than hang the pack. */
	private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newHttpClient();

	/** @return the pack's cases, in order */
	abstract List<Case> cases();

	final List<CaseResult> runAll() {
		List<CaseResult> results = new ArrayList<>();
		for (Case c : cases()) {
			try {
				results.add(new CaseResult(c.id(), c.checks(), true, c.run().run()));
			}
			catch (Unmet ex) {
				results.add(new CaseResult(c.id(), c.checks(), false, ex.getMessage()));
			}
			catch (IOException | RuntimeException ex) {
				results.add(new CaseResult(c.id(), c.checks(), false, "error: " + ex));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				results.add(new CaseResult(c.id(), c.checks(), false, "interrupted"));
				break;
			}
		}
		return results;
	}

	final HttpResponse<String> send(String token, HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.header("Authorization", "Bearer " + token).timeout(ANSWER_WITHIN).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	static JsonNode expect(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new Unmet("expected " + status + " from " + response.request().method() + " "
					+ response.uri().getPath() + ", got " + response.statusCode() + ": " + abbreviated(response.body()));
		}
		return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
	}

	private static String abbreviated(String body) {
		return (body.length() <= 300) ? body : body.substring(0, 300) + "…";
	}

	record Case(String id, String checks, Body run) {

	}

	/** A case's requests and checks: what was seen when they hold; {@link Unmet} when one does not. */
	interface Body {

		String run() throws IOException, InterruptedException;

	}

	/** An expectation of a case that did not hold. */
	static final class Unmet extends RuntimeException {

		Unmet(String message) {
			super(message);
		}

	}

}
