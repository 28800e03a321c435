-- 02/GTGT (maTKhai 844) is filed once per investment project and period (VN-ETAX.md §1.8): the project named
-- in [09] is now part of its chain key (FormCatalog.chainFields), as a dependent unit without an MST is,
-- '@' + name. Until now every project of a taxpayer shared one chain, and the second project's return of a
-- period was refused as a second original. Existing returns are re-keyed the same way, so that each
-- project's chain stays whole.
UPDATE tax_return
SET chain_key = regexp_replace(chain_key, '\|[^|]*$', '')
        || '|' || CASE WHEN coalesce(indicators ->> 'ct09', '') <> '' THEN '@' || (indicators ->> 'ct09') ELSE '' END
WHERE ma_tkhai = '844';
