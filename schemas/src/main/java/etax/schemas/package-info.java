/**
 * Reading electronic tax returns safely: the form catalog, the XSDs, and the validator that turns raw XML
 * into a {@link etax.schemas.ReturnDocument} or a list of {@link etax.schemas.Finding}s.
 *
 * <p>The public surface is {@link etax.schemas.ReturnValidator}, {@link etax.schemas.FormCatalog} and their
 * records. Everything else is package-private so that the parsing strategy can change without touching
 * callers. No type of this package depends on Spring, JAXB or any XML library outside the JDK.
 */
@NullMarked
package etax.schemas;

import org.jspecify.annotations.NullMarked;
