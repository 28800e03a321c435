-- The officers' console records the problem type another service refused an action with (RFC 9457
-- `type`, e.g. https://etax.example/problems/already-redriven), so that refusals can be told apart and
-- counted by cause; null for actions that were done, and for refusals and failures of the console itself
-- (docs/adr/0015-officers-console.md).
ALTER TABLE batch.console_audit ADD COLUMN problem_type text;
