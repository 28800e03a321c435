-- The routing of a voucher line as each leg has it (VN-ETAX §5.2, §5.5): the treasury (MA_HIEU_KBAC /
-- MA_KBNN), the collection account (STK_THU), the collecting agency (MA_CQTHU) and the payer (MST_NNOP),
-- compared like the coding since docs/adr/0014-reconciliation.md lists them. Kept, as the coding is, for
-- exceptions only; the treasury's statement has no agency or payer. Lines classified before this
-- migration have none.
ALTER TABLE reconciliation.line
    ADD COLUMN tax_treasury_code         text,
    ADD COLUMN tax_treasury_account      text,
    ADD COLUMN tax_collecting_agency     text,
    ADD COLUMN tax_payer_mst             text,
    ADD COLUMN bank_treasury_code        text,
    ADD COLUMN bank_treasury_account     text,
    ADD COLUMN bank_collecting_agency    text,
    ADD COLUMN bank_payer_mst            text,
    ADD COLUMN treasury_treasury_code    text,
    ADD COLUMN treasury_treasury_account text;
