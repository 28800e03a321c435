package etax.schemas;

/**
 * A catalog row: the public form description plus the classpath location of its XSD, which callers never
 * need.
 */
record CatalogEntry(FormVersion form, String xsdPath) {
}
