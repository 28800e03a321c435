/**
 * The form catalog, published read-only: which form versions are received, their XSDs (so filers can
 * validate before sending) and their rule catalogues. Everything comes from {@link etax.schemas.FormCatalog};
 * nothing here knows a form.
 */
@NullMarked
package etax.declaration.catalog;

import org.jspecify.annotations.NullMarked;
