package etax.schemas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed XSD of every form version is what {@link FormXsdWriter} makes of its {@code form.yaml}.
 * After changing a spec, regenerate with
 * {@code ./mvnw -pl schemas test -Dtest=FormXsdTests -Detax.xsd.write=true} and commit the XSDs.
 */
class FormXsdTests {

	private static final Path XSD_SOURCES = Path.of("src/main/resources", SchemaLoader.XSD_ROOT);

	@Test
	void committedXsdsAreGeneratedFromTheirSpecs() throws IOException {
		boolean write = Boolean.getBoolean("etax.xsd.write");
		List<String> stale = new ArrayList<>();
		for (CatalogEntry entry : FormCatalog.load().entries()) {
			String generated = FormXsdWriter.write(entry.compiled().spec);
			Path file = XSD_SOURCES.resolve(entry.xsdPath());
			String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
			if (!generated.equals(committed)) {
				if (write) {
					Files.createDirectories(file.getParent());
					Files.writeString(file, generated, StandardCharsets.UTF_8);
				}
				stale.add(entry.xsdPath());
			}
		}
		if (!write) {
			assertThat(stale).as("XSDs that differ from their form.yaml; regenerate with "
					+ "./mvnw -pl schemas test -Dtest=FormXsdTests -Detax.xsd.write=true").isEmpty();
		}
	}

	@Test
	void everyGeneratedXsdCompiles() {
		FormCatalog catalog = FormCatalog.load();
		for (CatalogEntry entry : catalog.entries()) {
			assertThat(catalog.schema(entry)).as(entry.xsdPath()).isSameAs(catalog.schema(entry));
		}
	}

}
