-- The outbox table of the owning service, created in its schema (Flyway's default schema).
-- A service adds classpath:db/migration/outbox to spring.flyway.locations and names the table in
-- etax.outbox.table.
CREATE TABLE outbox_message (
    id           bigserial   PRIMARY KEY,
    topic        text        NOT NULL,
    message_key  text        NOT NULL,
    payload      text        NOT NULL,
    headers      jsonb       NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_message_unpublished ON outbox_message (id) WHERE published_at IS NULL;
