-- The messages the relay set aside because Kafka refuses them for good (a record above the size limit, an
-- invalid topic), next to the outbox table in the owning service's schema (etax.outbox.table + '_parked').
-- They stay here for an operator: nothing reads or deletes them. A row keeps the outbox id, the message's
-- place in the outbox order, and the reason: the class of the exception, never its message.
--
-- Repeatable rather than versioned: the outbox's migrations run among each service's own (V1 to V43 and
-- counting), and Flyway refuses a version below those a database has applied (V0_2 would be "ignored"), so
-- an outbox migration after V0_1 is written to run again harmlessly whenever its text changes.
CREATE TABLE IF NOT EXISTS outbox_message_parked (
    id          bigint      PRIMARY KEY,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    payload     text        NOT NULL,
    headers     jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    parked_at   timestamptz NOT NULL DEFAULT now(),
    reason      text        NOT NULL
);
