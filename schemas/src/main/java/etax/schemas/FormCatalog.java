package etax.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.xml.validation.Schema;

/**
 * The form versions this system receives, keyed on (maTKhai, pbanTKhaiXML, loaiTKhai) as the filing
 * software keys them. The list is data ({@value #RESOURCE}), so adding a form version needs no code.
 *
 * <p>Thread-safe. Each form's XSD is compiled on first use and kept for the life of the catalog; callers
 * should share one catalog (see {@link #load()}).
 */
public final class FormCatalog {

	static final String RESOURCE = "etax/schemas/catalog.csv";

	private final List<CatalogEntry> entries;

	private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	FormCatalog(List<CatalogEntry> entries) {
		this.entries = List.copyOf(entries);
	}

	/**
	 * The catalog shipped in this jar. It is read once per class loader; every call returns the same
	 * instance, so compiled schemas are shared too.
	 * @return the shared catalog
	 * @throws IllegalStateException if the catalog data is missing or invalid (a packaging defect)
	 */
	public static FormCatalog load() {
		return Shared.INSTANCE;
	}

	static FormCatalog read(String resource) {
		try (InputStream in = FormCatalog.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Form catalog not found on the classpath: " + resource);
			}
			return new FormCatalog(CatalogReader.read(in, resource));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

	/**
	 * Finds the form version a return claims to be.
	 * @param maTKhai form id, e.g. {@code 842}
	 * @param version {@code pbanTKhaiXML}, e.g. {@code 2.8.3}
	 * @param loaiTKhai filing type, e.g. {@code C}
	 * @return the form version, or empty if this system does not receive that combination
	 */
	public Optional<FormVersion> find(String maTKhai, String version, String loaiTKhai) {
		return entry(maTKhai, version, loaiTKhai).map(CatalogEntry::form);
	}

	Optional<CatalogEntry> entry(String maTKhai, String version, String loaiTKhai) {
		return this.entries.stream()
			.filter((entry) -> entry.form().maTKhai().equals(maTKhai) && entry.form().version().equals(version)
					&& entry.form().filingTypes().contains(loaiTKhai))
			.findFirst();
	}

	/**
	 * Every form version, in catalog order.
	 * @return the versions
	 */
	public List<FormVersion> versions() {
		return this.entries.stream().map(CatalogEntry::form).collect(Collectors.toUnmodifiableList());
	}

	/** The compiled XSD of an entry of this catalog; compiled once, then shared across threads. */
	Schema schema(CatalogEntry entry) {
		return this.schemas.computeIfAbsent(entry.xsdPath(), SchemaLoader::load);
	}

	/** The versions of one form id, to tell a filer what is supported. */
	List<FormVersion> versionsOf(String maTKhai) {
		return this.entries.stream()
			.map(CatalogEntry::form)
			.filter((form) -> form.maTKhai().equals(maTKhai))
			.toList();
	}

	private static final class Shared {

		static final FormCatalog INSTANCE = read(RESOURCE);

	}

}
