package etax.schemas;

import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.w3c.dom.ls.LSInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SchemaLoaderTests {

	private static final String REDEFINE = "../../envelope/TKhaiThue.xsd";

	private final SchemaLoader.ClasspathResolver resolver = new SchemaLoader.ClasspathResolver();

	@Test
	void relativeReferencesResolveInsideASpringBootFatJar() throws Exception {
		String base = "jar:nested:/srv/declaration-api.jar/!BOOT-INF/lib/schemas.jar!/etax/schemas/xsd/842/2.8.3/01_GTGT.xsd";

		LSInput input = this.resolver.resolveResource("http://www.w3.org/2001/XMLSchema", null, null, REDEFINE, base);

		assertThat(input).isNotNull();
		assertThat(input.getSystemId()).endsWith("etax/schemas/xsd/envelope/TKhaiThue.xsd");
		try (InputStream in = input.getByteStream()) {
			assertThat(new String(in.readAllBytes())).contains("name=\"CTieuTKhaiChinhType\"");
		}
	}

	@Test
	void referencesOutsideTheXsdFolderAreRefused() {
		String base = "file:/app/classes/etax/schemas/xsd/842/2.8.3/01_GTGT.xsd";

		assertThatIllegalStateException().isThrownBy(() -> this.resolver
			.resolveResource("http://www.w3.org/2001/XMLSchema", null, null, "../../../forms/index.txt", base));
		assertThatIllegalStateException().isThrownBy(() -> this.resolver
			.resolveResource("http://www.w3.org/2001/XMLSchema", null, null, "http://example.org/evil.xsd", base));
		assertThatIllegalStateException().isThrownBy(() -> this.resolver
			.resolveResource("http://www.w3.org/2001/XMLSchema", null, null, REDEFINE, "file:/tmp/other.xsd"));
	}

}
