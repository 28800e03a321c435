-- V3 seeded the registry with made-up companies under MSTs with valid check digits (some of them real
-- businesses' MSTs) and a contract letting one of them file for another, in every deployment. They belong to the
-- local run and the tests only, which now load them from db/seed/declaration (R__local_seed.sql): a deployment
-- keeps none of them. Rows an officer has since registered or changed, and taxpayers with any record, are left.
DELETE FROM agent_contract
WHERE agent_mst = '0100109106' AND taxpayer_mst = '0313829148' AND contract_number = 'HD-2025-001'
  AND valid_from = DATE '2025-01-01' AND valid_to IS NULL;

DELETE FROM taxpayer t
USING (VALUES
    ('0313829148', 'CÔNG TY TNHH VÍ DỤ', 'ACTIVE', true, 'Q', '99999', '754'),
    ('3500779171', 'CÔNG TY CỔ PHẦN MẪU', 'ACTIVE', true, 'M', '99999', '554'),
    ('1801321141', 'CÔNG TY TNHH ĐÃ GIẢI THỂ', 'CLOSED', true, 'Q', '99999', '754'),
    ('5702126556', 'DOANH NGHIỆP TƯ NHÂN CHƯA ĐĂNG KÝ', 'ACTIVE', false, 'Q', '99999', '755'),
    ('0100109106', 'CÔNG TY TNHH ĐẠI LÝ THUẾ MẪU', 'ACTIVE', true, 'M', '99999', '554'))
    AS seed (mst, name, status, e_filing, filing_frequency, tax_office_code, chapter)
WHERE t.mst = seed.mst AND t.name = seed.name AND t.status = seed.status AND t.e_filing = seed.e_filing
  AND t.filing_frequency = seed.filing_frequency AND t.tax_office_code = seed.tax_office_code
  AND t.chapter = seed.chapter
  AND NOT EXISTS (SELECT 1 FROM tax_return r WHERE r.mst = t.mst)
  AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.mst = t.mst)
  AND NOT EXISTS (SELECT 1 FROM agent_contract a WHERE a.agent_mst = t.mst OR a.taxpayer_mst = t.mst)
  AND NOT EXISTS (SELECT 1 FROM filing_frequency_change f WHERE f.mst = t.mst)
  AND NOT EXISTS (SELECT 1 FROM tax_inspection i WHERE i.mst = t.mst)
  AND NOT EXISTS (SELECT 1 FROM deadline_extension e WHERE e.mst = t.mst);
