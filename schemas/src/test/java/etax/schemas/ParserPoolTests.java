package etax.schemas;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

import static org.assertj.core.api.Assertions.assertThat;

/** The pool's budget of idle pipelines is one for all schemas. */
class ParserPoolTests {

	private static final int MAX_IDLE = 4;

	private final ParserPool pool = new ParserPool(MAX_IDLE);

	@Test
	void aReleasedPipelineIsReused() {
		Schema schema = schema("a");
		ParserPool.Pipeline pipeline = this.pool.acquire(schema);
		this.pool.release(schema, pipeline, 100);

		assertThat(this.pool.acquire(schema)).isSameAs(pipeline);
		assertThat(this.pool.idle()).isZero();
	}

	/**
	 * A burst over one schema keeps {@value #MAX_IDLE} of its pipelines, not one budget of its own; those of a
	 * schema filed later take their places, one by one, and a schema's own never push out each other.
	 */
	@Test
	void theBudgetIsOneForAllSchemasAndTheSchemasInUseTakeItOver() {
		Schema burst = schema("a");
		Schema later = schema("b");
		releaseAll(burst, acquire(burst, 10));
		assertThat(this.pool.idle()).isEqualTo(MAX_IDLE);

		List<ParserPool.Pipeline> filedLater = acquire(later, 3);
		releaseAll(later, filedLater);

		assertThat(this.pool.idle()).isEqualTo(MAX_IDLE);
		assertThat(acquire(later, 3)).containsExactlyInAnyOrderElementsOf(filedLater);
		assertThat(this.pool.idle()).isEqualTo(1);
	}

	/**
	 * Many threads acquiring and releasing over several schemas leave no more than the budget idle, and the count of
	 * idle pipelines true: a new schema's pipelines then fill the whole budget, none dropped for places counted but
	 * empty.
	 */
	@Test
	void theBudgetHoldsUnderConcurrency() throws Exception {
		List<Schema> schemas = List.of(schema("a"), schema("b"), schema("c"), schema("d"), schema("e"));
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int thread = 0; thread < 8; thread++) {
				int first = thread;
				done.add(threads.submit(() -> {
					for (int i = 0; i < 2_000; i++) {
						Schema schema = schemas.get((first + i) % schemas.size());
						releaseAll(schema, acquire(schema, 1 + i % 3));
					}
				}));
			}
			for (Future<?> each : done) {
				each.get();
			}
		}
		finally {
			threads.shutdown();
		}
		assertThat(this.pool.idle()).isLessThanOrEqualTo(MAX_IDLE);

		Schema fresh = schema("f");
		List<ParserPool.Pipeline> pipelines = acquire(fresh, MAX_IDLE);
		releaseAll(fresh, pipelines);

		assertThat(this.pool.idle()).isEqualTo(MAX_IDLE);
		assertThat(acquire(fresh, MAX_IDLE)).containsExactlyInAnyOrderElementsOf(pipelines);
	}

	private List<ParserPool.Pipeline> acquire(Schema schema, int count) {
		List<ParserPool.Pipeline> pipelines = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			pipelines.add(this.pool.acquire(schema));
		}
		return pipelines;
	}

	private void releaseAll(Schema schema, List<ParserPool.Pipeline> pipelines) {
		for (ParserPool.Pipeline pipeline : pipelines) {
			this.pool.release(schema, pipeline, 100);
		}
	}

	private static Schema schema(String element) {
		try {
			return SchemaFactory.newDefaultInstance()
				.newSchema(new StreamSource(new StringReader("<xs:schema xmlns:xs=\"" + XMLConstants.W3C_XML_SCHEMA_NS_URI
						+ "\"><xs:element name=\"" + element + "\"/></xs:schema>")));
		}
		catch (SAXException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
