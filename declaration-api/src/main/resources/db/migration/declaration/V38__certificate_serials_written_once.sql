-- A serial number is one number however it is written: registered now in upper case without leading zeros
-- (Certificate). Rows registered before are written so too, but one whose form is taken by another row already,
-- which stays as it was for an officer to settle.
UPDATE certificate c
SET serial_number = coalesce(nullif(upper(ltrim(c.serial_number, '0')), ''), '0')
WHERE c.serial_number <> coalesce(nullif(upper(ltrim(c.serial_number, '0')), ''), '0')
  AND NOT EXISTS (SELECT 1 FROM certificate d
                  WHERE d.serial_number = coalesce(nullif(upper(ltrim(c.serial_number, '0')), ''), '0'));
