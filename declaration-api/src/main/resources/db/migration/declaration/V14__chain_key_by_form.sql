-- The chain key (ADR 0010, VN-ETAX.md §3.6 R-DUP-1) is MST|form|kieuKy|kyKKhai|activity|unit. Until V14 the
-- last two parts were the values of indicators ma_NganhNghe and ct10 of every form; ct10 is the dependent
-- unit's MST only in the Header group of 01/GTGT (842) and 05/GTGT (850) and an amount elsewhere (e.g. 01/LPMB),
-- and only 842 has ma_NganhNghe. The key now takes them only where the form defines them
-- (FormCatalog.chainFields), and names a dependent unit or business location by its MST [10], or by its
-- name [09] ('@' + name) when it has no MST. Existing returns are re-keyed the same way, so that their
-- chains stay whole: a second original of an amount-keyed form now meets the accepted one.
UPDATE tax_return
SET chain_key = regexp_replace(chain_key, '\|[^|]*\|[^|]*$', '')
        || '|' || CASE WHEN ma_tkhai = '842' THEN coalesce(indicators ->> 'ma_NganhNghe', '') ELSE '' END
        || '|' || CASE
                     WHEN ma_tkhai NOT IN ('842', '850') THEN ''
                     WHEN coalesce(indicators ->> 'ct10', '') <> '' THEN indicators ->> 'ct10'
                     WHEN coalesce(indicators ->> 'ct09', '') <> '' THEN '@' || (indicators ->> 'ct09')
                     ELSE ''
                   END;
