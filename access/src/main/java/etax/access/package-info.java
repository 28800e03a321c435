/**
 * Who is calling. Every service is an OAuth 2.0 resource server: a bearer token (a JWT signed with RS256 by
 * the configured issuer, for the configured audience, not expired) becomes a {@link etax.access.Caller} with
 * one {@link etax.access.Role}; everything else is answered 401 or 403 as an RFC 9457 problem. What a caller
 * may see (its own returns, its clients', its tax office's) is decided by each service with the caller's
 * claims: docs/adr/0012-callers-and-tokens.md.
 */
@NullMarked
package etax.access;

import org.jspecify.annotations.NullMarked;
