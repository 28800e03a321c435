-- The taxpayer registry of the filing side.
CREATE TABLE taxpayer (
    mst              text    PRIMARY KEY,
    name             text    NOT NULL,
    status           text    NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    e_filing         boolean NOT NULL,
    filing_frequency char(1) NOT NULL CHECK (filing_frequency IN ('M', 'Q')),
    tax_office_code  text    NOT NULL,
    chapter          text    NOT NULL
);

CREATE TABLE certificate (
    serial_number text        PRIMARY KEY,
    mst           text        NOT NULL,
    subject       text        NOT NULL,
    not_before    timestamptz NOT NULL,
    not_after     timestamptz NOT NULL
);
CREATE INDEX certificate_mst ON certificate (mst);

CREATE TABLE agent_contract (
    agent_mst       text NOT NULL,
    taxpayer_mst    text NOT NULL,
    contract_number text NOT NULL,
    valid_from      date NOT NULL,
    valid_to        date,
    PRIMARY KEY (agent_mst, contract_number)
);
CREATE INDEX agent_contract_pair ON agent_contract (agent_mst, taxpayer_mst);

-- Seed for the local run and the demo (made-up companies; valid check digits).
INSERT INTO taxpayer (mst, name, status, e_filing, filing_frequency, tax_office_code, chapter) VALUES
    ('0313829148', 'CÔNG TY TNHH VÍ DỤ', 'ACTIVE', true, 'Q', '99999', '754'),
    ('3500779171', 'CÔNG TY CỔ PHẦN MẪU', 'ACTIVE', true, 'M', '99999', '554'),
    ('1801321141', 'CÔNG TY TNHH ĐÃ GIẢI THỂ', 'CLOSED', true, 'Q', '99999', '754'),
    ('5702126556', 'DOANH NGHIỆP TƯ NHÂN CHƯA ĐĂNG KÝ', 'ACTIVE', false, 'Q', '99999', '755'),
    ('0100109106', 'CÔNG TY TNHH ĐẠI LÝ THUẾ MẪU', 'ACTIVE', true, 'M', '99999', '554');
INSERT INTO agent_contract (agent_mst, taxpayer_mst, contract_number, valid_from) VALUES
    ('0100109106', '0313829148', 'HD-2025-001', '2025-01-01');
