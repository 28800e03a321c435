package etax.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * What was wrong with a request the framework refused, named as the caller wrote it: the parameter, header
 * or body field and what it must be ({@code size must be between 1 and 100}), never the value sent (it may
 * be megabytes) and never the framework's wording ("Validation failure"). Shared by the services, so that
 * every one answers in the same shape.
 */
public final class RequestViolations {

	private RequestViolations() {
	}

	/**
	 * @param ex the constraints a handler's parameters broke
	 * @return one violation per broken constraint
	 */
	public static List<Violation> of(HandlerMethodValidationException ex) {
		List<Violation> violations = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			String name = nameOf(result.getMethodParameter());
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				String field = (error instanceof FieldError fieldError) ? name + "." + fieldError.getField() : name;
				violations.add(new Violation(field, String.valueOf(error.getDefaultMessage())));
			}
		}
		return violations;
	}

	/**
	 * @param ex the constraints a request body broke
	 * @return one violation per broken constraint, named by the body's field
	 */
	public static List<Violation> of(MethodArgumentNotValidException ex) {
		List<Violation> violations = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach((error) -> violations.add(new Violation(error.getField(), String.valueOf(error.getDefaultMessage()))));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> violations.add(new Violation("body", String.valueOf(error.getDefaultMessage()))));
		return violations;
	}

	/**
	 * @param ex a body that could not be read
	 * @return the field that could not be read, or that the body may not have, if the body was JSON and the
	 * field is known
	 */
	public static @Nullable Violation of(HttpMessageNotReadableException ex) {
		return (ex.getCause() instanceof JacksonException databind) ? of(databind) : null;
	}

	/**
	 * @param databind why a JSON body could not be read
	 * @return the field that could not be read, or that the body may not have, if known: never the parser's own
	 * message, which names this service's classes
	 */
	public static @Nullable Violation of(JacksonException databind) {
		if (databind.getPath().isEmpty()) {
			return null;
		}
		StringBuilder path = new StringBuilder();
		databind.getPath().forEach((reference) -> {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		});
		return new Violation(path.toString(), (databind instanceof UnrecognizedPropertyException)
				? "is not a property of this body" : "is missing, null or not of the expected type");
	}

	/** The violations as one sentence: {@code page must be at least 0; size must be at most 100}. */
	public static String detail(List<Violation> violations) {
		return String.join("; ", violations.stream().map((violation) -> violation.name() + " " + violation.message()).toList());
	}

	private static String nameOf(MethodParameter parameter) {
		String declared = null;
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
		if (param != null) {
			declared = param.name().isEmpty() ? param.value() : param.name();
		}
		else if (header != null) {
			declared = header.name().isEmpty() ? header.value() : header.name();
		}
		else if (variable != null) {
			declared = variable.name().isEmpty() ? variable.value() : variable.name();
		}
		if (declared != null && !declared.isEmpty()) {
			return declared;
		}
		String name = parameter.getParameterName();
		return (name != null) ? name : "argument " + parameter.getParameterIndex();
	}

	/**
	 * One thing wrong with a request.
	 * @param name the parameter, header or body field
	 * @param message what it must be
	 */
	public record Violation(String name, String message) {

		public Map<String, String> toMap() {
			return Map.of("name", this.name, "message", this.message);
		}

	}

}
