-- Obligations created by accepted returns (ID khoản phải nộp). Never updated: a supplement adds items.
CREATE TABLE payable_item (
    id                uuid        PRIMARY KEY,
    return_id         uuid        NOT NULL REFERENCES tax_return (id),
    mst               text        NOT NULL,
    chapter           text        NOT NULL,
    sub_item          text        NOT NULL,
    indicator         text        NOT NULL,
    tax_period        text        NOT NULL,
    amount            bigint      NOT NULL CHECK (amount > 0),
    due_date          date        NOT NULL,
    payment_reference text        NOT NULL UNIQUE,
    created_at        timestamptz NOT NULL
);
CREATE INDEX payable_item_return ON payable_item (return_id);
CREATE INDEX payable_item_mst ON payable_item (mst, due_date);
