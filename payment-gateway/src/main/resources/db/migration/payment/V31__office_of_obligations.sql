-- What an office's officers read at the gateway (docs/adr/0022-office-scope-at-the-gateway.md).

-- The tax office of each obligation: for a payable item the office its return was filed with
-- (PayableItemCreated.taxOfficeCode, maCQTNoiNop), for interest the office of the item it accrues on. NULL for
-- what was booked before this column and for events that name no office: such an obligation is no office's.
ALTER TABLE obligation ADD COLUMN tax_office_code text;

-- Pending and failed confirmations keep their collecting agency (MA_CQTHU) as booked ones do (V5): the office a
-- look-up of the reference belongs to. Earlier rows take it from the JSON message they came in, when it is one.
ALTER TABLE unbooked_confirmation ADD COLUMN collecting_agency_code text;
UPDATE unbooked_confirmation
SET collecting_agency_code = substring(raw_message FROM '"collectingAgencyCode"\s*:\s*"([0-9]{3,7})"')
WHERE collecting_agency_code IS NULL;
