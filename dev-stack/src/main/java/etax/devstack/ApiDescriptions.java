package etax.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks of a service's OpenAPI description ({@code /v3/api-docs}) that every service's tests share. */
public final class ApiDescriptions {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ApiDescriptions() {
	}

	/**
	 * Asserts that the description asks for a bearer token and that every operation documents 401, 403 and
	 * 500 as problems ({@code application/problem+json}).
	 * @param docs the description
	 * @param atLeast the fewest operations the service has, so that an empty description does not pass
	 * @return the description, parsed
	 */
	public static JsonNode assertEveryOperationDocumented(String docs, int atLeast) {
		JsonNode root = JSON.readTree(docs);
		if (!root.path("security").toString().contains("\"bearer\"")) {
			throw new AssertionError("The description asks for no bearer token: " + root.path("security"));
		}
		List<String> operations = new ArrayList<>();
		List<String> undocumented = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String name = operation.getKey().toUpperCase() + " " + path.getKey();
				operations.add(name);
				for (String status : new String[] { "401", "403", "500" }) {
					if (operation.getValue().path("responses").path(status).path("content").path("application/problem+json")
						.isMissingNode()) {
						undocumented.add(name + " " + status);
					}
				}
			}
		}
		if (operations.size() < atLeast) {
			throw new AssertionError("Expected at least " + atLeast + " operations, described: " + operations);
		}
		if (!undocumented.isEmpty()) {
			throw new AssertionError("Answers not documented as problems: " + undocumented);
		}
		return root;
	}

	/**
	 * @param docs the parsed description
	 * @return whether the operation documents the status
	 */
	public static boolean documents(JsonNode docs, String method, String path, String status) {
		return !docs.path("paths").path(path).path(method.toLowerCase()).path("responses").path(status).isMissingNode();
	}

}
