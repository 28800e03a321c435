package etax.schemas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.validation.Schema;

/**
 * The form versions this system receives, keyed on (maTKhai, pbanTKhaiXML, loaiTKhai) as the filing
 * software keys them. The catalog is data: one {@code form.yaml} per version under
 * {@code etax/schemas/forms/<maTKhai>/<version>/}, listed in {@value #INDEX}, with the XSD generated from it
 * under {@code etax/schemas/xsd/}. Adding a form version needs no code (see {@code schemas/FORMS.md}).
 *
 * <p>Every spec is read and compiled when the catalog loads (formulas parsed, names resolved), so a broken
 * spec fails at start-up, naming the form and the rule. Thread-safe. Each form's XSD is compiled on first
 * use and kept for the life of the catalog; callers should share one catalog (see {@link #load()}).
 */
public final class FormCatalog {

	static final String INDEX = FormSpecReader.FORMS_ROOT + "index.txt";

	private final List<CatalogEntry> entries;

	private final Map<String, CatalogEntry> byVersion = new LinkedHashMap<>();

	private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	FormCatalog(List<CatalogEntry> entries) {
		this.entries = List.copyOf(entries);
		for (CatalogEntry entry : this.entries) {
			if (this.byVersion.put(key(entry.form().maTKhai(), entry.form().version()), entry) != null) {
				throw new IllegalStateException("Form version listed twice: " + entry.compiled().spec.key());
			}
		}
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

	static FormCatalog read(FormSpecReader reader, List<String> keys) {
		List<CatalogEntry> entries = new ArrayList<>();
		for (String key : keys) {
			entries.add(new CatalogEntry(new CompiledForm(reader.read(key))));
		}
		return new FormCatalog(entries);
	}

	/** The {@code maTKhai/version} lines of the index, in order; {@code #} starts a comment. */
	static List<String> index() {
		try (InputStream in = FormCatalog.class.getClassLoader().getResourceAsStream(INDEX)) {
			if (in == null) {
				throw new IllegalStateException("Form index not found on the classpath: " + INDEX);
			}
			List<String> keys = new ArrayList<>();
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String key = line.strip();
				if (!key.isEmpty() && !key.startsWith("#")) {
					keys.add(key);
				}
			}
			return keys;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + INDEX, ex);
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

	/**
	 * Every form version, in catalog order.
	 * @return the versions
	 */
	public List<FormVersion> versions() {
		return this.entries.stream().map(CatalogEntry::form).toList();
	}

	/**
	 * What the catalog says about a form version beyond its {@link FormVersion}.
	 * @param maTKhai form id
	 * @param version {@code pbanTKhaiXML}
	 * @return the details, or empty for a version this system does not receive
	 */
	public Optional<FormDetails> details(String maTKhai, String version) {
		return entry(maTKhai, version).map((entry) -> entry.compiled().details());
	}

	/**
	 * The body fields that, with the MST, the form and the period, identify one obligation's chain of
	 * returns (VN-ETAX.md §3.6 R-DUP-1): the activity code {@code ma_NganhNghe} and the dependent unit or
	 * business location of the {@code Header} group ({@code ct09} name, {@code ct10} MST), as 01/GTGT and
	 * 05/GTGT have them; only those the version defines, in body order. An indicator of the same name elsewhere
	 * in a body (e.g. the amount [10] of 01/LPMB) is not one of them. Their values are read from
	 * {@link ReturnDocument#indicators()} under these names.
	 * @param maTKhai form id
	 * @param version {@code pbanTKhaiXML}
	 * @return the field names, empty for a version without them or one this system does not receive
	 */
	public List<String> chainFields(String maTKhai, String version) {
		return entry(maTKhai, version).map((entry) -> entry.compiled().chainFields()).orElse(List.of());
	}

	/**
	 * The rule catalogue of a form version: every rule that checks its returns, in evaluation order (body
	 * rules, then each appendix's).
	 * @param maTKhai form id
	 * @param version {@code pbanTKhaiXML}
	 * @return the rules, empty for a version this system does not receive
	 */
	public List<FormRule> rules(String maTKhai, String version) {
		return entry(maTKhai, version).map((entry) -> entry.compiled().publishedRules()).orElse(List.of());
	}

	/**
	 * The XSD that validates a form version, so that filers can check before sending. It redefines the
	 * common envelope {@code ../../envelope/TKhaiThue.xsd}, which {@link #envelopeXsd()} returns.
	 * @param maTKhai form id
	 * @param version {@code pbanTKhaiXML}
	 * @return the XSD text, or empty for a version this system does not receive
	 */
	public Optional<String> xsd(String maTKhai, String version) {
		return entry(maTKhai, version).map((entry) -> SchemaLoader.text(entry.xsdPath()));
	}

	/**
	 * The common envelope XSD that every form XSD redefines.
	 * @return its text
	 */
	public String envelopeXsd() {
		return SchemaLoader.text(SchemaLoader.ENVELOPE);
	}

	Optional<CatalogEntry> entry(String maTKhai, String version, String loaiTKhai) {
		return entry(maTKhai, version).filter((entry) -> entry.form().filingTypes().contains(loaiTKhai));
	}

	Optional<CatalogEntry> entry(String maTKhai, String version) {
		return Optional.ofNullable(this.byVersion.get(key(maTKhai, version)));
	}

	List<CatalogEntry> entries() {
		return this.entries;
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

	/** The versions of one printed form code, e.g. both generations of 01/GTGT. */
	List<FormVersion> versionsOfForm(String formCode) {
		return this.entries.stream()
			.map(CatalogEntry::form)
			.filter((form) -> form.formCode().equals(formCode))
			.toList();
	}

	private static String key(String maTKhai, String version) {
		return maTKhai + "/" + version;
	}

	private static final class Shared {

		static final FormCatalog INSTANCE = read(FormSpecReader.classpath(), index());

	}

}
