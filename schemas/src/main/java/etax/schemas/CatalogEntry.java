package etax.schemas;

/**
 * A form version of the catalog with what callers never see: its compiled spec (layout, rules, generator
 * plan) and the classpath location of its XSD.
 */
record CatalogEntry(CompiledForm compiled) {

	FormVersion form() {
		return this.compiled.version;
	}

	String xsdPath() {
		return this.compiled.xsdPath;
	}

}
