package etax.access;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * What every service's {@code /v3/api-docs} says of the answers no controller documents one by one: every
 * operation needs a bearer token (a JWT of the e-tax identity provider, ADR 0012) and may answer 401 and 403;
 * one that reads parameters or a body (or names the media types it consumes) may answer 400, one with a path variable 404, and any 500 with an
 * incident id; all in the one error shape, the {@code Problem} schema ({@code application/problem+json}).
 * An operation's own documentation of one of these codes is kept.
 */
final class ApiProblemDocs implements OperationCustomizer, OpenApiCustomizer {

	static final String BEARER = "bearer";

	private static final String PROBLEM = "Problem";

	private final String title;

	ApiProblemDocs(String title) {
		this.title = title;
	}

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		if (reads(handler, RequestParam.class) || reads(handler, RequestBody.class) || consumes(handler)
				|| operation.getRequestBody() != null) {
			addIfAbsent(responses, "400", "The request is malformed or a parameter invalid; the problem names it");
		}
		addIfAbsent(responses, "401", "No valid bearer token");
		addIfAbsent(responses, "403", "The caller's role may not use this operation");
		if (reads(handler, PathVariable.class)) {
			addIfAbsent(responses, "404", "Not found, or not the caller's to see");
		}
		addIfAbsent(responses, "500", "An unexpected failure; quote the problem's incident id when you report it");
		return operation.responses(responses);
	}

	@Override
	public void customise(OpenAPI openApi) {
		Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
		if (components.getSecuritySchemes() == null || !components.getSecuritySchemes().containsKey(BEARER)) {
			components.addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"));
		}
		components.addSchemas(PROBLEM, problemSchema());
		openApi.components(components);
		if (openApi.getSecurity() == null || openApi.getSecurity().isEmpty()) {
			openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
		}
		if (openApi.getInfo() != null && "OpenAPI definition".equals(openApi.getInfo().getTitle())) {
			openApi.getInfo().title(this.title);
		}
	}

	private static boolean reads(HandlerMethod handler, Class<? extends java.lang.annotation.Annotation> kind) {
		for (var parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(kind)) {
				return true;
			}
		}
		return false;
	}

	/** A handler that reads the body itself (a stream, up to a limit) names the media types it consumes. */
	private static boolean consumes(HandlerMethod handler) {
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		return mapping != null && mapping.consumes().length > 0;
	}

	private static void addIfAbsent(ApiResponses responses, String code, String description) {
		if (!responses.containsKey(code)) {
			responses.addApiResponse(code, new ApiResponse().description(description)
				.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
		}
	}

	private static Schema<?> problemSchema() {
		Schema<?> schema = new ObjectSchema().description("RFC 9457 problem details: the one error shape of the API. "
				+ "Some problems carry more members (errors, findings, incident, pointers to earlier filings).");
		schema.setProperties(Map.of("type",
				new StringSchema().format("uri")
					.description("Stable: https://etax.example/problems/{slug}; what a client branches on"),
				"title", new StringSchema(), "status", new IntegerSchema(), "detail", new StringSchema(), "instance",
				new StringSchema().format("uri-reference")));
		schema.additionalProperties(true);
		return schema;
	}

}
