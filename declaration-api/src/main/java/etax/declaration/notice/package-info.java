/**
 * Notices pushed to filers: every receipt and acceptance notice goes to the filer's registered webhooks
 * (signed, retried with back-off, each attempt recorded) and to Kafka {@code etax.notices.v1}, and so do the notices
 * the other services publish there (a batch's completion, a month's arrears). Polling the receipt endpoints stays
 * the fallback.
 */
@NullMarked
package etax.declaration.notice;

import org.jspecify.annotations.NullMarked;
