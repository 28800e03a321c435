/**
 * Reading electronic tax returns safely: the form catalog, the XSDs, the form rules, and the validator that
 * turns raw XML into a {@link etax.schemas.ReturnDocument} with its rule findings, or a list of
 * {@link etax.schemas.Finding}s.
 *
 * <p>The public surface is {@link etax.schemas.ReturnValidator}, {@link etax.schemas.FormCatalog} (with
 * {@link etax.schemas.FormVersion}, {@link etax.schemas.FormDetails} and {@link etax.schemas.FormRule}),
 * {@link etax.schemas.ReturnGenerator}, {@link etax.schemas.Samples} and their records. Everything else is
 * package-private so that the parsing strategy and the rule engine can change without touching callers. The
 * catalog is data: one {@code form.yaml} per form version (see {@code schemas/FORMS.md} and ADR 0008). No
 * type of this package depends on Spring or JAXB; XML is parsed by the JDK only, form specs by Jackson YAML.
 */
@NullMarked
package etax.schemas;

import org.jspecify.annotations.NullMarked;
