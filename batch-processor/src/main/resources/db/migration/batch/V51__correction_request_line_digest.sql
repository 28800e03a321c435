-- The line a correction request was proposed on, as it was then (its class, legs, statuses and differing fields,
-- as md5 of its row): an approval records it at the gateway only for the line as proposed. Its class alone was
-- compared: a bank's corrected file that fixed one of two differing fields left the class, and a RECODE proposed
-- for both was still approved. Null for requests proposed before, which are judged by their class as they were.
ALTER TABLE reconciliation.correction_request ADD COLUMN line_digest text;
