-- Public holidays of Vietnam that move a deadline to the next working day (Law 38/2019 Art. 44,
-- VN-ETAX.md §3.5 R-DL-2). Kept as data: each year's days follow the government's annual decision
-- (Tết and Hùng Kings' day follow the lunar calendar); officers add a year before it starts.
-- The rows below are the statutory days and their published substitutes; verify each year.
CREATE TABLE holiday (
    day  date PRIMARY KEY,
    name text NOT NULL
);
INSERT INTO holiday (day, name) VALUES
    ('2025-01-01', 'Tết Dương lịch'),
    ('2025-01-25', 'Tết Nguyên đán'), ('2025-01-26', 'Tết Nguyên đán'), ('2025-01-27', 'Tết Nguyên đán'),
    ('2025-01-28', 'Tết Nguyên đán'), ('2025-01-29', 'Tết Nguyên đán'), ('2025-01-30', 'Tết Nguyên đán'),
    ('2025-01-31', 'Tết Nguyên đán'), ('2025-02-01', 'Tết Nguyên đán'), ('2025-02-02', 'Tết Nguyên đán'),
    ('2025-04-07', 'Giỗ Tổ Hùng Vương'),
    ('2025-04-30', 'Ngày Giải phóng miền Nam'), ('2025-05-01', 'Quốc tế Lao động'),
    ('2025-09-01', 'Quốc khánh'), ('2025-09-02', 'Quốc khánh'),
    ('2026-01-01', 'Tết Dương lịch'),
    ('2026-02-14', 'Tết Nguyên đán'), ('2026-02-15', 'Tết Nguyên đán'), ('2026-02-16', 'Tết Nguyên đán'),
    ('2026-02-17', 'Tết Nguyên đán'), ('2026-02-18', 'Tết Nguyên đán'), ('2026-02-19', 'Tết Nguyên đán'),
    ('2026-02-20', 'Tết Nguyên đán'), ('2026-02-21', 'Tết Nguyên đán'), ('2026-02-22', 'Tết Nguyên đán'),
    ('2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)'),
    ('2026-04-30', 'Ngày Giải phóng miền Nam'), ('2026-05-01', 'Quốc tế Lao động'),
    ('2026-09-01', 'Quốc khánh'), ('2026-09-02', 'Quốc khánh'),
    ('2027-01-01', 'Tết Dương lịch'),
    ('2027-02-05', 'Tết Nguyên đán'), ('2027-02-06', 'Tết Nguyên đán'), ('2027-02-07', 'Tết Nguyên đán'),
    ('2027-02-08', 'Tết Nguyên đán'), ('2027-02-09', 'Tết Nguyên đán'), ('2027-02-10', 'Tết Nguyên đán'),
    ('2027-04-16', 'Giỗ Tổ Hùng Vương'),
    ('2027-04-30', 'Ngày Giải phóng miền Nam'), ('2027-05-03', 'Quốc tế Lao động (nghỉ bù)'),
    ('2027-09-02', 'Quốc khánh'), ('2027-09-03', 'Quốc khánh');
