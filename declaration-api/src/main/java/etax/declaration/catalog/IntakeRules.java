package etax.declaration.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The catalogue of the intake's own rules ({@code etax/declaration/intake-rules.yaml}), read once: reference
 * text for filers and their software, like each form version's rule catalogue.
 */
final class IntakeRules {

	private static final String RESOURCE = "/etax/declaration/intake-rules.yaml";

	private static final List<IntakeRule> RULES = read();

	private IntakeRules() {
	}

	/** @return every rule, in the order the intake runs them */
	static List<IntakeRule> all() {
		return RULES;
	}

	private static List<IntakeRule> read() {
		try (InputStream yaml = IntakeRules.class.getResourceAsStream(RESOURCE)) {
			if (yaml == null) {
				throw new IllegalStateException("Missing " + RESOURCE);
			}
			return List.copyOf(new YAMLMapper().readValue(yaml, new TypeReference<List<IntakeRule>>() {
			}));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
