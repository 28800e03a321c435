-- A serial number is one number however it is written: registered now in upper case without leading zeros
-- (Certificate). Rows registered before are written so too, but where the form is taken (by a row written so, or by
-- the first of several rows of one number), which stay as they were for an officer to settle.
WITH written AS (
    SELECT serial_number, coalesce(nullif(upper(ltrim(serial_number, '0')), ''), '0') AS once
    FROM certificate),
moving AS (
    SELECT DISTINCT ON (once) serial_number, once FROM written
    WHERE serial_number <> once AND NOT EXISTS (SELECT 1 FROM certificate d WHERE d.serial_number = written.once)
    ORDER BY once, serial_number)
UPDATE certificate c SET serial_number = moving.once FROM moving WHERE c.serial_number = moving.serial_number;
