-- 2027 was taken as published (V15) with a Tết of four working days off: 5 and 8 to 10 February. The Labour Code
-- (2019 Art. 112) gives five days of Tết and a substitute working day for each that falls on a weekend; the first
-- day of the lunar year is Saturday 6 February 2027, so a fifth working day is missing, and no schedule of 2027 is
-- confirmed here. 2027 is an approximated year again: its deadlines are flagged as such and no fine rests on them
-- until an officer confirms the year's days (INSERT INTO holiday_year). Its days in holiday still count as days
-- off (HolidayCalendar), with 11 February, the second substitute day of Tết, added.
INSERT INTO holiday (day, name) VALUES ('2027-02-11', 'Tết Nguyên đán (nghỉ bù)') ON CONFLICT (day) DO NOTHING;
DELETE FROM holiday_year WHERE year = 2027;
