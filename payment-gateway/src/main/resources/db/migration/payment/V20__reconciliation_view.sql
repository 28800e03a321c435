-- payment.reconciliation_confirmation_lines_v1: the gateway's published, read-only view of the tax side
-- of the daily reconciliation (docs/adr/0014-reconciliation.md). A contract like an event: batch-processor
-- reads it, never the tables below; a change that breaks a reader is a new view (_v2) beside this one.
--
-- One row per line of a booked confirmation (a payment, or the reversal of one), and one row per
-- voucher the bank reported only as pending or failed (nothing booked, no lines: line_number is null):
--   bank_code, bank_reference, line_number   the key of a voucher line, as the bank's daily file has it
--   posting_id             the treasury posting of the line (treasury.postings.v1, the treasury's acks)
--   voucher_number, payer_mst, currency
--   amount, amount_vnd     the line in the voucher's currency, and in whole VND
--   chapter, sub_item, tax_period, area_code, collecting_agency_code, treasury_code, treasury_account
--   payment_date           the bank-confirmed date of payment (NGAY_NTHUE): the reconciliation day
--   status                 DEBITED (a payment), REVERSED (a reversal entry, naming reversal_of),
--                          PENDING or FAILED (unbooked)
--   reversal_of            for a reversal entry, the bank reference of the payment it reverses
--   reversed_by            for a payment, the bank reference of its reversal, if one was booked
--   payable_item_id        the item the payer named on the line
--   applied_vnd            what the ledger applied of the line to payable items (named or by the statutory
--                          order), directly or later as a credit, and has not reversed
--   recorded_at            when the gateway recorded the confirmation
-- Rows are read by payment_date (indexed); applied_vnd costs a lookup per line, so select it only
-- for the lines that need it.
CREATE INDEX confirmation_payment_date ON confirmation (payment_date);
CREATE INDEX unbooked_confirmation_payment_date ON unbooked_confirmation (payment_date);

CREATE VIEW reconciliation_confirmation_lines_v1 AS
SELECT c.bank_code, c.bank_reference, l.line_number, l.posting_id, c.voucher_number, c.payer_mst, c.currency,
       l.amount, l.amount_vnd, l.chapter, l.sub_item, l.tax_period, c.area_code, c.collecting_agency_code,
       c.treasury_code, c.treasury_account, c.payment_date, c.status, c.reversal_of,
       r.bank_reference AS reversed_by, l.payable_item_id,
       (SELECT coalesce(sum(a.amount), 0) FROM ledger_line a
        WHERE a.payment_key = c.bank_code || ':' || c.bank_reference AND a.posting_id = l.posting_id
            AND a.side = 'C' AND a.account = 'TAXPAYER_OBLIGATION'
            AND NOT EXISTS (SELECT 1 FROM ledger_line x WHERE x.reverses_entry = a.entry_id)) AS applied_vnd,
       c.received_at AS recorded_at
FROM confirmation c
JOIN confirmation_line l ON l.bank_code = c.bank_code AND l.bank_reference = c.bank_reference
LEFT JOIN confirmation r ON r.bank_code = c.bank_code AND r.reversal_of = c.bank_reference
UNION ALL
SELECT u.bank_code, u.bank_reference, NULL::integer, NULL::uuid, NULL::text, u.payer_mst, u.currency::char(3),
       u.amount, NULL::numeric, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text,
       NULL::text, NULL::text, u.payment_date, u.status, NULL::text,
       NULL::text, NULL::text, NULL::numeric, u.received_at
FROM unbooked_confirmation u
WHERE NOT EXISTS (SELECT 1 FROM confirmation b WHERE b.bank_code = u.bank_code AND b.bank_reference = u.bank_reference)
    AND NOT (u.status = 'PENDING' AND EXISTS (SELECT 1 FROM unbooked_confirmation f
        WHERE f.bank_code = u.bank_code AND f.bank_reference = u.bank_reference AND f.status = 'FAILED'));

COMMENT ON VIEW reconciliation_confirmation_lines_v1 IS
    'Published contract of payment-gateway, read by batch-processor (docs/adr/0014-reconciliation.md)';

-- In production each service has its own database user; the reader gets this view and nothing else
-- (a view runs with its owner's rights, so the tables stay closed).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'etax_batch') THEN
        GRANT USAGE ON SCHEMA payment TO etax_batch;
        GRANT SELECT ON reconciliation_confirmation_lines_v1 TO etax_batch;
    END IF;
END $$;
