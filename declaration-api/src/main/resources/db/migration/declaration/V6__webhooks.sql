-- Push notices: a filer's webhooks and every delivery attempt's outcome.
CREATE TABLE webhook (
    id         uuid        PRIMARY KEY,
    filer      text        NOT NULL,
    url        text        NOT NULL,
    secret     text        NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (filer, url)
);

CREATE TABLE webhook_delivery (
    id              bigserial   PRIMARY KEY,
    webhook_id      uuid        NOT NULL REFERENCES webhook (id),
    return_id       uuid        NOT NULL,
    payload         text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    delivered_at    timestamptz,
    created_at      timestamptz NOT NULL
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_webhook ON webhook_delivery (webhook_id, id);
