-- Overpayment handled on the taxpayer's request, form 01/ĐNXLNT (VN-ETAX §5.7, Law 38/2019 Art. 60, Decree 126;
-- docs/adr/0006-taxpayer-ledger.md, addendum "Refunds and offsets on request"): what is left of a general credit is
-- refunded, or offset against an open item of the same taxpayer or of another MST (a parent, a subsidiary). An
-- officer records the request, a second officer approves or refuses it; only an approval moves money.

-- The request as the officer recorded it: never updated or deleted. collecting_agency_code is the agency of the
-- payment the credit comes from, the row's office (ADR 0022: read through the mapping at each request).
CREATE TABLE overpayment_request (
    request_id             uuid          PRIMARY KEY,
    mst                    text          NOT NULL,
    credit_id              uuid          NOT NULL REFERENCES credit (credit_id),
    kind                   text          NOT NULL CHECK (kind IN ('REFUND', 'OFFSET')),
    amount                 numeric(18,0) NOT NULL CHECK (amount > 0),
    document_number        text          NOT NULL,
    -- OFFSET: the item the money goes to, its taxpayer and, for another MST, why (parent, subsidiary)
    target_item_id         text,
    target_mst             text,
    relation               text,
    -- REFUND: the taxpayer's bank account the refund order pays into
    payee_bank_code        text,
    payee_account          text,
    payee_name             text,
    collecting_agency_code text,
    requested_by           text          NOT NULL,
    requested_at           timestamptz   NOT NULL,
    CHECK ((kind = 'OFFSET') = (target_item_id IS NOT NULL AND target_mst IS NOT NULL)),
    CHECK ((kind = 'REFUND') = (payee_bank_code IS NOT NULL AND payee_account IS NOT NULL AND payee_name IS NOT NULL)),
    CHECK (target_mst IS NULL OR target_mst = mst OR relation IS NOT NULL)
);
CREATE INDEX overpayment_request_taxpayer ON overpayment_request (mst, requested_at);

-- The second officer's decision, once per request (primary key): APPROVED names the ledger entry that moved the
-- money and, for a refund, the treasury's refund order; REFUSED moved nothing.
CREATE TABLE overpayment_decision (
    request_id   uuid        PRIMARY KEY REFERENCES overpayment_request (request_id),
    outcome      text        NOT NULL CHECK (outcome IN ('APPROVED', 'REFUSED')),
    requested_by text        NOT NULL,
    decided_by   text        NOT NULL CHECK (decided_by <> requested_by),
    reason       text,
    entry_id     uuid,
    posting_id   uuid,
    decided_at   timestamptz NOT NULL,
    CHECK ((outcome = 'APPROVED') = (entry_id IS NOT NULL))
);
CREATE UNIQUE INDEX overpayment_decision_posting ON overpayment_decision (posting_id) WHERE posting_id IS NOT NULL;

CREATE FUNCTION overpayment_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'overpayment requests and decisions are immutable: record a new request instead';
END $$;
CREATE TRIGGER overpayment_request_immutable BEFORE UPDATE OR DELETE ON overpayment_request
    FOR EACH ROW EXECUTE FUNCTION overpayment_immutable();
CREATE TRIGGER overpayment_decision_immutable BEFORE UPDATE OR DELETE ON overpayment_decision
    FOR EACH ROW EXECUTE FUNCTION overpayment_immutable();

-- A refund order is a posting of its own (PostingRequested version 3, direction REFUND; ADR 0007, addendum): paid
-- out of the collection account to the taxpayer, its voucher line the payment line the money was paid with,
-- refund_of that line's posting.
ALTER TABLE treasury_posting
    DROP CONSTRAINT treasury_posting_direction_check,
    ADD CONSTRAINT treasury_posting_direction_check
        CHECK (direction IN ('PAYMENT', 'REVERSAL', 'RECODING', 'REFUND')),
    ADD COLUMN refund_of uuid,
    ADD CONSTRAINT treasury_posting_refund CHECK ((direction = 'REFUND') = (refund_of IS NOT NULL));

-- payment.treasury_ledger_postings_v1: the postings the ledger asked the treasury for that are no voucher line of
-- any bank, re-codings and refund orders, for batch-processor's reconciliation (ADR 0014, addendum), which reads
-- it instead of treasury_recodings_v1 (kept as it is for its readers).
--   posting_id     as the treasury acks it and lists it on its statement
--   direction      RECODING or REFUND
--   paid_with      the posting id of the payment line the money was paid with
--   treasury_code  the treasury holding the money
--   from_sub_item  for a re-coding, the sub-item the money leaves; null for a refund
--   sub_item       the sub-item the money goes to (a refund: the one it is paid out of)
--   amount_vnd, payment_date, requested_at, status   as in treasury_recodings_v1
CREATE INDEX treasury_posting_ledger ON treasury_posting (posting_id) WHERE direction IN ('RECODING', 'REFUND');

CREATE VIEW treasury_ledger_postings_v1 AS
SELECT posting_id, direction, coalesce(recoding_of, refund_of) AS paid_with, treasury_code, from_sub_item, sub_item,
       amount_vnd, payment_date, requested_at, status
FROM treasury_posting
WHERE direction IN ('RECODING', 'REFUND');

COMMENT ON VIEW treasury_ledger_postings_v1 IS
    'Published contract of payment-gateway, read by batch-processor (docs/adr/0014-reconciliation.md)';

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'etax_batch') THEN
        GRANT SELECT ON treasury_ledger_postings_v1 TO etax_batch;
    END IF;
END $$;

-- An offset on request (CREDIT_OFFSET) pays its item on the day it was approved, not on the day the credit's
-- money was paid: payment.interest_basis_v1, same columns (V8, V24), counts it by its value date.
CREATE OR REPLACE VIEW interest_basis_v1 AS
WITH movement AS (
    SELECT item_id, entry_id, entry_type, amount, value_date, credit_id, booked_at, reverses_entry
    FROM ledger_line
    WHERE account = 'TAXPAYER_OBLIGATION' AND entry_type <> 'OBLIGATION_BOOKED'
),
applied AS (
    SELECT m.item_id,
           CASE WHEN m.entry_type = 'CREDIT_APPLIED' THEN coalesce(cr.paid_on, m.value_date) ELSE m.value_date END
               AS paid_on,
           CASE WHEN m.entry_type = 'OVERPAYMENT_CREDITED' THEN -m.amount ELSE m.amount END AS amount
    FROM movement m
    LEFT JOIN credit cr ON m.entry_type = 'CREDIT_APPLIED' AND cr.credit_id = m.credit_id
    WHERE m.entry_type IN ('PAYMENT_APPLIED', 'CREDIT_APPLIED', 'CREDIT_OFFSET', 'OVERPAYMENT_CREDITED')
        AND NOT EXISTS (SELECT 1 FROM movement r WHERE r.reverses_entry = m.entry_id)
),
by_day AS (
    SELECT item_id, paid_on, sum(amount) AS amount FROM applied GROUP BY item_id, paid_on HAVING sum(amount) > 0
),
reductions AS (
    SELECT item_id, array_agg(paid_on ORDER BY paid_on) AS dates, array_agg(amount ORDER BY paid_on) AS amounts
    FROM by_day GROUP BY item_id
),
changes AS (
    SELECT item_id, max(booked_at) AS changed_at FROM movement GROUP BY item_id
)
SELECT o.item_id AS payable_item_id, o.mst, o.chapter, o.sub_item, o.tax_period,
       (o.amount - o.reduced)::numeric(18,0) AS amount, o.due_date, o.outstanding,
       coalesce(r.dates, '{}'::date[]) AS reduction_dates,
       coalesce(r.amounts, '{}'::numeric[]) AS reduction_amounts,
       greatest(o.booked_at, c.changed_at) AS changed_at
FROM obligation o
LEFT JOIN reductions r ON r.item_id = o.item_id
LEFT JOIN changes c ON c.item_id = o.item_id
WHERE o.kind = 'TAX';
