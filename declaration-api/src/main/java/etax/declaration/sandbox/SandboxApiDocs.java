package etax.declaration.sandbox;

import java.util.Arrays;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.web.method.HandlerMethod;

/** Lists the sandbox headers on every operation of the API documentation, where the sandbox is on. */
final class SandboxApiDocs implements OperationCustomizer {

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		return operation.addParametersItem(header(SandboxScenarios.RECEIVED_AT,
				"Sandbox only: run this request as if received at this instant (ISO-8601 with offset, e.g. "
						+ "2026-05-20T09:00:00+07:00): its postmark, deadlines and dates follow.",
				new StringSchema().format("date-time")))
			.addParametersItem(header(SandboxScenarios.SCENARIO,
					"Sandbox only: simulate a failure. LOST_RESPONSE: processed, then the answer withheld (504); "
							+ "UNAVAILABLE: nothing done (503 with Retry-After).",
					new StringSchema()._enum(Arrays.stream(Scenario.values()).map(Scenario::name).toList())));
	}

	private static Parameter header(String name, String description, Schema<?> schema) {
		return new HeaderParameter().name(name).required(false).description(description).schema(schema);
	}

}
