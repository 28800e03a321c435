-- Public holidays 2016-2024 (the Prime Minister's and the Ministry of Labour's yearly announcements for
-- public servants, VN-ETAX.md §3.5 R-DL-2), so that deadlines of the ten years a supplement may go back
-- (R-DUP-4) move past them. As in V4: the statutory days, Tết as announced (with the weekends inside it), and
-- the substitute day (nghỉ bù) of a holiday on a weekend; working days swapped by decision (e.g. 29 April
-- 2019 and 2024) are not days off here. From 2021 (Labour Code 2019) 2 September has a second day.
INSERT INTO holiday (day, name) VALUES
    ('2016-01-01', 'Tết Dương lịch'),
    ('2016-02-06', 'Tết Nguyên đán'), ('2016-02-07', 'Tết Nguyên đán'), ('2016-02-08', 'Tết Nguyên đán'),
    ('2016-02-09', 'Tết Nguyên đán'), ('2016-02-10', 'Tết Nguyên đán'), ('2016-02-11', 'Tết Nguyên đán'),
    ('2016-02-12', 'Tết Nguyên đán'), ('2016-02-13', 'Tết Nguyên đán'), ('2016-02-14', 'Tết Nguyên đán'),
    ('2016-04-18', 'Giỗ Tổ Hùng Vương (nghỉ bù)'),
    ('2016-05-02', 'Ngày Giải phóng miền Nam (nghỉ bù)'), ('2016-05-03', 'Quốc tế Lao động (nghỉ bù)'),
    ('2016-09-02', 'Quốc khánh'),
    ('2017-01-02', 'Tết Dương lịch (nghỉ bù)'),
    ('2017-01-26', 'Tết Nguyên đán'), ('2017-01-27', 'Tết Nguyên đán'), ('2017-01-28', 'Tết Nguyên đán'),
    ('2017-01-29', 'Tết Nguyên đán'), ('2017-01-30', 'Tết Nguyên đán'), ('2017-01-31', 'Tết Nguyên đán'),
    ('2017-02-01', 'Tết Nguyên đán'),
    ('2017-04-06', 'Giỗ Tổ Hùng Vương'),
    ('2017-05-01', 'Quốc tế Lao động'), ('2017-05-02', 'Ngày Giải phóng miền Nam (nghỉ bù)'),
    ('2017-09-04', 'Quốc khánh (nghỉ bù)'),
    ('2018-01-01', 'Tết Dương lịch'),
    ('2018-02-14', 'Tết Nguyên đán'), ('2018-02-15', 'Tết Nguyên đán'), ('2018-02-16', 'Tết Nguyên đán'),
    ('2018-02-17', 'Tết Nguyên đán'), ('2018-02-18', 'Tết Nguyên đán'), ('2018-02-19', 'Tết Nguyên đán'),
    ('2018-02-20', 'Tết Nguyên đán'),
    ('2018-04-25', 'Giỗ Tổ Hùng Vương'),
    ('2018-04-30', 'Ngày Giải phóng miền Nam'), ('2018-05-01', 'Quốc tế Lao động'),
    ('2018-09-03', 'Quốc khánh (nghỉ bù)'),
    ('2019-01-01', 'Tết Dương lịch'),
    ('2019-02-02', 'Tết Nguyên đán'), ('2019-02-03', 'Tết Nguyên đán'), ('2019-02-04', 'Tết Nguyên đán'),
    ('2019-02-05', 'Tết Nguyên đán'), ('2019-02-06', 'Tết Nguyên đán'), ('2019-02-07', 'Tết Nguyên đán'),
    ('2019-02-08', 'Tết Nguyên đán'), ('2019-02-09', 'Tết Nguyên đán'), ('2019-02-10', 'Tết Nguyên đán'),
    ('2019-04-15', 'Giỗ Tổ Hùng Vương (nghỉ bù)'),
    ('2019-04-30', 'Ngày Giải phóng miền Nam'), ('2019-05-01', 'Quốc tế Lao động'),
    ('2019-09-02', 'Quốc khánh'),
    ('2020-01-01', 'Tết Dương lịch'),
    ('2020-01-23', 'Tết Nguyên đán'), ('2020-01-24', 'Tết Nguyên đán'), ('2020-01-25', 'Tết Nguyên đán'),
    ('2020-01-26', 'Tết Nguyên đán'), ('2020-01-27', 'Tết Nguyên đán'), ('2020-01-28', 'Tết Nguyên đán'),
    ('2020-01-29', 'Tết Nguyên đán'),
    ('2020-04-02', 'Giỗ Tổ Hùng Vương'),
    ('2020-04-30', 'Ngày Giải phóng miền Nam'), ('2020-05-01', 'Quốc tế Lao động'),
    ('2020-09-02', 'Quốc khánh'),
    ('2021-01-01', 'Tết Dương lịch'),
    ('2021-02-10', 'Tết Nguyên đán'), ('2021-02-11', 'Tết Nguyên đán'), ('2021-02-12', 'Tết Nguyên đán'),
    ('2021-02-13', 'Tết Nguyên đán'), ('2021-02-14', 'Tết Nguyên đán'), ('2021-02-15', 'Tết Nguyên đán'),
    ('2021-02-16', 'Tết Nguyên đán'),
    ('2021-04-21', 'Giỗ Tổ Hùng Vương'),
    ('2021-04-30', 'Ngày Giải phóng miền Nam'), ('2021-05-03', 'Quốc tế Lao động (nghỉ bù)'),
    ('2021-09-02', 'Quốc khánh'), ('2021-09-03', 'Quốc khánh'),
    ('2022-01-03', 'Tết Dương lịch (nghỉ bù)'),
    ('2022-01-29', 'Tết Nguyên đán'), ('2022-01-30', 'Tết Nguyên đán'), ('2022-01-31', 'Tết Nguyên đán'),
    ('2022-02-01', 'Tết Nguyên đán'), ('2022-02-02', 'Tết Nguyên đán'), ('2022-02-03', 'Tết Nguyên đán'),
    ('2022-02-04', 'Tết Nguyên đán'), ('2022-02-05', 'Tết Nguyên đán'), ('2022-02-06', 'Tết Nguyên đán'),
    ('2022-04-11', 'Giỗ Tổ Hùng Vương (nghỉ bù)'),
    ('2022-05-02', 'Ngày Giải phóng miền Nam (nghỉ bù)'), ('2022-05-03', 'Quốc tế Lao động (nghỉ bù)'),
    ('2022-09-01', 'Quốc khánh'), ('2022-09-02', 'Quốc khánh'),
    ('2023-01-02', 'Tết Dương lịch (nghỉ bù)'),
    ('2023-01-20', 'Tết Nguyên đán'), ('2023-01-21', 'Tết Nguyên đán'), ('2023-01-22', 'Tết Nguyên đán'),
    ('2023-01-23', 'Tết Nguyên đán'), ('2023-01-24', 'Tết Nguyên đán'), ('2023-01-25', 'Tết Nguyên đán'),
    ('2023-01-26', 'Tết Nguyên đán'),
    ('2023-05-01', 'Quốc tế Lao động'),
    ('2023-05-02', 'Giỗ Tổ Hùng Vương (nghỉ bù)'), ('2023-05-03', 'Ngày Giải phóng miền Nam (nghỉ bù)'),
    ('2023-09-01', 'Quốc khánh'), ('2023-09-04', 'Quốc khánh (nghỉ bù)'),
    ('2024-01-01', 'Tết Dương lịch'),
    ('2024-02-08', 'Tết Nguyên đán'), ('2024-02-09', 'Tết Nguyên đán'), ('2024-02-10', 'Tết Nguyên đán'),
    ('2024-02-11', 'Tết Nguyên đán'), ('2024-02-12', 'Tết Nguyên đán'), ('2024-02-13', 'Tết Nguyên đán'),
    ('2024-02-14', 'Tết Nguyên đán'),
    ('2024-04-18', 'Giỗ Tổ Hùng Vương'),
    ('2024-04-30', 'Ngày Giải phóng miền Nam'), ('2024-05-01', 'Quốc tế Lao động'),
    ('2024-09-02', 'Quốc khánh'), ('2024-09-03', 'Quốc khánh')
ON CONFLICT (day) DO NOTHING;

-- The years whose days off are all in holiday. Any other year's deadlines are an approximation
-- (HolidayCalendar: the fixed-date holidays and their substitute days, no lunar holidays), and the
-- late-filing finding says so. Officers add a year here once its days are in holiday (2028 onward: not
-- announced when this was written).
CREATE TABLE holiday_year (
    year   integer PRIMARY KEY,
    source text    NOT NULL
);
INSERT INTO holiday_year (year, source)
SELECT year, 'Public announcements of the year''s days off (V4, V15)' FROM generate_series(2016, 2027) AS year;
