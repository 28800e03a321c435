package etax.batch;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;

/**
 * Refuses the unknown properties of the types marked {@link RefusesUnknownProperties}, and only theirs: the
 * service otherwise ignores unknown properties (events and bodies may grow), as Spring Boot configures
 * Jackson. The refusal is Jackson's own {@link UnrecognizedPropertyException}, which the API answers as a
 * 400 naming the property.
 */
@Component
class UnknownProperties extends DeserializationProblemHandler implements JsonMapperBuilderCustomizer {

	@Override
	public void customize(JsonMapper.Builder builder) {
		builder.addHandler(this);
	}

	@Override
	public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
			ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
		Class<?> type = (beanOrClass instanceof Class<?> named) ? named : beanOrClass.getClass();
		if (type.isAnnotationPresent(RefusesUnknownProperties.class)) {
			throw UnrecognizedPropertyException.from(parser, beanOrClass, propertyName,
					deserializer.getKnownPropertyNames());
		}
		return false;
	}

}
