-- A day's totals and a file's totals add up lines the readers accept with up to 18 digits before the point
-- (numeric(20,2)): numeric(22,2) overflowed (SQLState 22003) from 100 such lines of one class, currency and
-- office, and the day's classification failed at every run, for good. Sums are bounded only by the lines.
ALTER TABLE reconciliation.day_total ALTER COLUMN amount TYPE numeric;
ALTER TABLE reconciliation.file_total ALTER COLUMN amount TYPE numeric;
