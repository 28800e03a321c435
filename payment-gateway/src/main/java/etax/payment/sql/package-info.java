/**
 * What the gateway's repositories share in how they talk to PostgreSQL: set-based statements over an
 * array per column ({@link etax.payment.sql.SqlColumns}), and which failures are a value PostgreSQL refused
 * rather than its own trouble ({@link etax.payment.sql.RefusedValues}). Their failures are logged without the
 * statements and values they carry ({@link etax.access.RedactedException}). Depends on no other part of
 * the gateway.
 */
@NullMarked
package etax.payment.sql;

import org.jspecify.annotations.NullMarked;
