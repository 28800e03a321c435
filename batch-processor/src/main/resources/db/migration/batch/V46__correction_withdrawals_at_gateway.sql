-- A correction request rejected by its approver, or withdrawn by a run that reclassified its line, is withdrawn
-- at payment-gateway too (docs/adr/0014-reconciliation.md), so that nobody records it there directly; what the
-- gateway answered is kept. Requests rejected or withdrawn before this are sent too.
ALTER TABLE reconciliation.correction_request
    ADD COLUMN gateway_withdrawal text CHECK (gateway_withdrawal IN ('WITHDRAWN', 'RECORDED', 'NOT_PROPOSED', 'REFUSED')),
    ADD COLUMN gateway_withdrawn_at timestamptz,
    ADD CHECK (gateway_withdrawal IS NULL OR status IN ('REJECTED', 'WITHDRAWN'));
CREATE INDEX correction_request_to_withdraw ON reconciliation.correction_request (decided_at)
    WHERE status IN ('REJECTED', 'WITHDRAWN') AND gateway_withdrawal IS NULL;
