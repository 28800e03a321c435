/**
 * Notices pushed to filers: every receipt and acceptance notice goes to the filer's registered webhooks
 * (signed, retried with back-off, each attempt recorded) and to Kafka {@code etax.notices.v1}. Polling
 * the receipt endpoints stays the fallback.
 */
@NullMarked
package etax.declaration.notice;

import org.jspecify.annotations.NullMarked;
