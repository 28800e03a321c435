package etax.declaration.submission;

import java.util.ArrayList;
import java.util.List;

import etax.access.RequestViolations;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch request's body item by item, counting as it goes: the body is bounded in bytes, but 64 MB of
 * empty items are millions of objects, so a batch with more items than allowed is refused at the first item
 * too many, before the rest are bound. Properties the body may not have are ignored, as everywhere else in
 * this service.
 */
final class ReturnBatchReader {

	private final JsonMapper json;

	private final ObjectReader filers;

	private final ObjectReader items;

	ReturnBatchReader(JsonMapper json) {
		this.json = json;
		// each reads one value of the body: what follows it is the body's
		this.filers = json.readerFor(ReturnBatch.OnBehalfOf.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.items = json.readerFor(ReturnBatch.Item.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	/**
	 * @param body the request's body
	 * @param maxItems the most items the batch may hold
	 * @return the batch, with 1 to {@code maxItems} items, any of which may be {@code null}
	 * @throws InvalidBatch what is wrong with the body, in words for the caller
	 */
	ReturnBatch.Request read(byte[] body, int maxItems) {
		try (JsonParser parser = this.json.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new InvalidBatch("The body is not a batch of returns: not a JSON object of a filer and items.");
			}
			ReturnBatch.OnBehalfOf filer = null;
			List<ReturnBatch.Item> batch = null;
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				parser.nextToken();
				switch (name) {
					case "filer" -> filer = bound(this.filers, parser, "filer");
					case "items" -> {
						if (batch != null) {
							throw new InvalidBatch("The body is not a batch of returns: items are given twice.");
						}
						batch = items(parser, maxItems);
					}
					default -> parser.skipChildren();
				}
			}
			if (parser.nextToken() != null) {
				throw new InvalidBatch("The body is not a batch of returns: it goes on after its object.");
			}
			if (batch == null || batch.isEmpty()) {
				throw tooMany(maxItems);
			}
			return new ReturnBatch.Request(filer, batch);
		}
		catch (JacksonException ex) {
			throw new InvalidBatch("The body is not a batch of returns: not well-formed JSON.");
		}
	}

	private List<ReturnBatch.Item> items(JsonParser parser, int maxItems) {
		if (parser.currentToken() == JsonToken.VALUE_NULL) {
			return List.of();
		}
		if (parser.currentToken() != JsonToken.START_ARRAY) {
			throw new InvalidBatch("The body is not a batch of returns: items is not an array.");
		}
		List<ReturnBatch.Item> batch = new ArrayList<>();
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			if (batch.size() == maxItems) {
				throw tooMany(maxItems);
			}
			batch.add(bound(this.items, parser, "items[" + batch.size() + "]"));
		}
		return batch;
	}

	private static <T> @Nullable T bound(ObjectReader reader, JsonParser parser, String where) {
		try {
			return reader.readValue(parser);
		}
		catch (JacksonException ex) {
			RequestViolations.Violation field = RequestViolations.of(ex);
			String name = (field != null) ? where + "." + field.name() : where;
			String message = (field != null) ? field.message() : "is missing, null or not of the expected type";
			throw new InvalidBatch("The body is not a batch of returns: " + name + " " + message + ".");
		}
	}

	private static InvalidBatch tooMany(int maxItems) {
		return new InvalidBatch("A batch request holds 1 to " + maxItems + " returns.");
	}

	/** A body that is not a batch of returns, or holds too few or too many: the detail of a 400. */
	static final class InvalidBatch extends RuntimeException {

		InvalidBatch(String detail) {
			super(detail, null, false, false);
		}

	}

}
