-- Reference data the gateway checks voucher lines against and allocates by. Data with effective
-- dates, never code (ARCHITECTURE.md): a code is known on a day when valid_from <= day and
-- (valid_to is null or day <= valid_to).
CREATE TABLE budget_chapter (
    code       text NOT NULL CHECK (code ~ '^[0-9]{3}$'),
    name       text NOT NULL,
    valid_from date NOT NULL,
    valid_to   date,
    PRIMARY KEY (code, valid_from)
);

CREATE TABLE economic_sub_item (
    code       text NOT NULL CHECK (code ~ '^[0-9]{4}$'),
    name       text NOT NULL,
    valid_from date NOT NULL,
    valid_to   date,
    PRIMARY KEY (code, valid_from)
);

-- The order in which amounts a payer did not assign go to open items (Law 38 Art. 57, VN-ETAX §5.7):
-- by class, lower rank first; within a class the oldest due date first. The rows in force on a day
-- are those with the latest valid_from not after it.
CREATE TABLE allocation_order (
    valid_from date    NOT NULL,
    item_class text    NOT NULL CHECK (item_class IN ('ARREARS', 'INTEREST', 'CURRENT', 'PENALTY')),
    rank       integer NOT NULL,
    PRIMARY KEY (valid_from, item_class)
);

-- An excerpt of the chapter and sub-item catalogue (Circular 324/2016/TT-BTC and amendments), enough
-- for the taxes this system handles; the reference-data owner loads the full catalogue.
INSERT INTO budget_chapter (code, name, valid_from) VALUES
    ('151', 'Doanh nghiệp nhà nước trung ương', '2017-01-01'),
    ('152', 'Doanh nghiệp có vốn đầu tư nước ngoài (trung ương)', '2017-01-01'),
    ('554', 'Doanh nghiệp nhà nước địa phương', '2017-01-01'),
    ('555', 'Doanh nghiệp có vốn đầu tư nước ngoài (địa phương)', '2017-01-01'),
    ('557', 'Hộ gia đình, cá nhân', '2017-01-01'),
    ('754', 'Kinh tế tư nhân', '2017-01-01'),
    ('755', 'Doanh nghiệp tư nhân', '2017-01-01'),
    ('757', 'Các đơn vị kinh tế hỗn hợp có vốn nhà nước', '2017-01-01');

INSERT INTO economic_sub_item (code, name, valid_from) VALUES
    ('1001', 'Thuế thu nhập cá nhân từ tiền lương, tiền công', '2017-01-01'),
    ('1003', 'Thuế thu nhập cá nhân từ hoạt động sản xuất, kinh doanh của cá nhân', '2017-01-01'),
    ('1052', 'Thuế thu nhập doanh nghiệp từ hoạt động sản xuất kinh doanh', '2017-01-01'),
    ('1701', 'Thuế giá trị gia tăng hàng sản xuất, kinh doanh trong nước', '2017-01-01'),
    ('1702', 'Thuế giá trị gia tăng hàng nhập khẩu', '2017-01-01'),
    ('1757', 'Thuế tiêu thụ đặc biệt hàng sản xuất trong nước (khác)', '2017-01-01'),
    ('2862', 'Lệ phí môn bài', '2017-01-01'),
    ('4254', 'Phạt vi phạm hành chính về thuế', '2017-01-01'),
    ('4917', 'Tiền chậm nộp thuế thu nhập cá nhân', '2017-01-01'),
    ('4918', 'Tiền chậm nộp thuế thu nhập doanh nghiệp', '2017-01-01'),
    ('4931', 'Tiền chậm nộp thuế giá trị gia tăng từ hàng hóa sản xuất kinh doanh trong nước', '2017-01-01');

-- Arrears, then late-payment interest, then current tax, then penalties (VN-ETAX §5.7: the order
-- still needs checking against the law; it is data so that a correction is a new row, not a release).
INSERT INTO allocation_order (valid_from, item_class, rank) VALUES
    ('2020-07-01', 'ARREARS', 1),
    ('2020-07-01', 'INTEREST', 2),
    ('2020-07-01', 'CURRENT', 3),
    ('2020-07-01', 'PENALTY', 4);
