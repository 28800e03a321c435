-- The chain key (ADR 0010) is MST|form|kieuKy|period|activity|unit. A free date range (kieuKy K or N: a
-- non-calendar fiscal year, a contract) has no kyKKhai, so until V16 every K or N return of a taxpayer and form
-- shared one key and a second fiscal period was refused as a second original. The period of such a key is now
-- its declared bounds, dd/MM/yyyy-dd/MM/yyyy (ReturnChains.periodOf); existing returns are re-keyed the same way.
UPDATE tax_return
SET chain_key = regexp_replace(chain_key, '^([^|]*\|[^|]*\|[^|]*)\|[^|]*\|',
        '\1|' || coalesce(to_char(period_from, 'DD/MM/YYYY'), '') || '-'
              || coalesce(to_char(period_to, 'DD/MM/YYYY'), '') || '|')
WHERE period_kind IN ('K', 'N');
