-- The registry of the local run and the tests (made-up companies; valid check digits): loaded only where
-- spring.flyway.locations names db/seed/declaration, as `./etax up` and the tests do; no deployment does.
INSERT INTO taxpayer (mst, name, status, e_filing, filing_frequency, tax_office_code, chapter) VALUES
    ('0313829148', 'CÔNG TY TNHH VÍ DỤ', 'ACTIVE', true, 'Q', '99999', '754'),
    ('3500779171', 'CÔNG TY CỔ PHẦN MẪU', 'ACTIVE', true, 'M', '99999', '554'),
    ('1801321141', 'CÔNG TY TNHH ĐÃ GIẢI THỂ', 'CLOSED', true, 'Q', '99999', '754'),
    ('5702126556', 'DOANH NGHIỆP TƯ NHÂN CHƯA ĐĂNG KÝ', 'ACTIVE', false, 'Q', '99999', '755'),
    ('0100109106', 'CÔNG TY TNHH ĐẠI LÝ THUẾ MẪU', 'ACTIVE', true, 'M', '99999', '554')
ON CONFLICT (mst) DO NOTHING;
INSERT INTO agent_contract (agent_mst, taxpayer_mst, contract_number, valid_from) VALUES
    ('0100109106', '0313829148', 'HD-2025-001', '2025-01-01')
ON CONFLICT DO NOTHING;
