package etax.batch.console.batches;

import java.util.ArrayList;
import java.util.List;

import etax.batch.bulk.BatchItem;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An item of a batch as the console shows it: its findings flattened to what an officer reads.
 *
 * @param item the item
 * @param findings rule, severity, place and message of each finding of its acceptance notice, or of the
 * problem it was not received for
 * @param problem the title and detail of its problem, when it was not received or failed
 */
record ItemView(BatchItem item, List<Finding> findings, @Nullable String problem) {

	static ItemView of(BatchItem item) {
		List<Finding> findings = new ArrayList<>();
		add(findings, item.findings());
		String problem = null;
		if (item.problem() != null) {
			problem = (text(item.problem().path("title")) + " " + text(item.problem().path("detail"))).strip();
			// a return not received for its findings (422 schema-violation) has them in its problem
			add(findings, item.problem().path("findings"));
		}
		return new ItemView(item, findings, problem);
	}

	private static void add(List<Finding> findings, @Nullable JsonNode found) {
		if (found == null || !found.isArray()) {
			return;
		}
		for (JsonNode finding : found) {
			findings.add(new Finding(text(finding.path("ruleId")), text(finding.path("severity")),
					text(finding.path("xpath")), text(finding.path("line")), text(finding.path("message").path("en")),
					text(finding.path("message").path("vi"))));
		}
	}

	private static String text(JsonNode node) {
		return node.isValueNode() ? node.asString() : "";
	}

	/**
	 * @param ruleId the rule
	 * @param severity how bad
	 * @param xpath where
	 * @param line the line of the return, when known
	 * @param english the message in English
	 * @param vietnamese the message in Vietnamese
	 */
	record Finding(String ruleId, String severity, String xpath, String line, String english, String vietnamese) {

	}

}
