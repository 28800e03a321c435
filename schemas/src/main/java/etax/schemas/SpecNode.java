package etax.schemas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A node of a spec file with the path that leads to it, so that every authoring mistake is reported
 * where it is ({@code forms/842/2.8.3/form.yaml: body[3].items[1]: unknown key 'nme'}). Unknown keys are
 * errors: a misspelt optional key would otherwise be silently ignored.
 */
final class SpecNode {

	private final JsonNode node;

	private final String where;

	SpecNode(JsonNode node, String where) {
		this.node = node;
		this.where = where;
	}

	String where() {
		return this.where;
	}

	IllegalStateException error(String message) {
		return new IllegalStateException(this.where + ": " + message);
	}

	boolean isMap() {
		return this.node.isObject();
	}

	boolean has(String key) {
		return this.node.isObject() && this.node.has(key) && !this.node.get(key).isNull();
	}

	void allowOnly(Set<String> keys) {
		if (!this.node.isObject()) {
			throw error("expected a map");
		}
		for (String key : this.node.propertyNames()) {
			if (!keys.contains(key)) {
				throw error("unknown key '" + key + "'; allowed: " + String.join(", ", keys));
			}
		}
	}

	SpecNode get(String key) {
		if (!has(key)) {
			throw error("missing '" + key + "'");
		}
		return new SpecNode(this.node.get(key), this.where + "." + key);
	}

	String text(String key) {
		return get(key).scalar();
	}

	@Nullable String optionalText(String key) {
		return has(key) ? get(key).scalar() : null;
	}

	boolean flag(String key, boolean otherwise) {
		if (!has(key)) {
			return otherwise;
		}
		JsonNode value = this.node.get(key);
		if (!value.isBoolean()) {
			throw get(key).error("expected true or false");
		}
		return value.booleanValue();
	}

	int integer(String key, int otherwise) {
		if (!has(key)) {
			return otherwise;
		}
		JsonNode value = this.node.get(key);
		if (!value.isIntegralNumber()) {
			throw get(key).error("expected a whole number");
		}
		return value.intValue();
	}

	/** A scalar as text, whatever YAML made of it (numbers and booleans included). */
	String scalar() {
		if (!this.node.isValueNode() || this.node.isNull()) {
			throw error("expected a single value");
		}
		return this.node.asString();
	}

	List<SpecNode> list(String key) {
		if (!has(key)) {
			return List.of();
		}
		SpecNode list = get(key);
		if (!list.node.isArray()) {
			throw list.error("expected a list");
		}
		List<SpecNode> items = new ArrayList<>();
		for (int i = 0; i < list.node.size(); i++) {
			items.add(new SpecNode(list.node.get(i), list.where + "[" + i + "]"));
		}
		return items;
	}

	List<String> texts(String key) {
		return list(key).stream().map(SpecNode::scalar).toList();
	}

	/** A map of scalars, in file order. */
	Map<String, String> pairs(String key) {
		Map<String, String> pairs = new LinkedHashMap<>();
		if (!has(key)) {
			return pairs;
		}
		SpecNode map = get(key);
		if (!map.node.isObject()) {
			throw map.error("expected a map");
		}
		for (String name : map.node.propertyNames()) {
			pairs.put(name, map.get(name).scalar());
		}
		return pairs;
	}

	LocalizedText localized(String key) {
		SpecNode text = get(key);
		text.allowOnly(Set.of("vi", "en"));
		return new LocalizedText(text.text("vi"), text.text("en"));
	}

	@Nullable LocalizedText optionalLocalized(String key) {
		return has(key) ? localized(key) : null;
	}

}
