SELECT `account_id`,
  filter(array(CASE WHEN `__clientele_r0` THEN 'spend-drop' END, CASE WHEN `__clientele_r1` THEN 'no-visit' END, CASE WHEN `__clientele_r2` THEN 'tier' END, CASE WHEN `__clientele_r3` THEN 'handover' END), element -> element IS NOT NULL) AS `fired`,
  filter(array(CASE WHEN `__clientele_r0` THEN named_struct('id', 'spend-drop', 'severity', 'warning') END, CASE WHEN `__clientele_r1` THEN named_struct('id', 'no-visit', 'severity', 'critical') END, CASE WHEN `__clientele_r2` THEN named_struct('id', 'tier', 'severity', 'watch') END, CASE WHEN `__clientele_r3` THEN named_struct('id', 'handover', 'severity', 'warning') END), element -> element IS NOT NULL) AS `fired_rules`,
  filter(array(CASE WHEN `__clientele_r0` IS NULL THEN 'spend-drop' END, CASE WHEN `__clientele_r1` IS NULL THEN 'no-visit' END, CASE WHEN `__clientele_r2` IS NULL THEN 'tier' END, CASE WHEN `__clientele_r3` IS NULL THEN 'handover' END), element -> element IS NOT NULL) AS `unknown`,
  CAST(CASE WHEN `__clientele_r0` THEN 2BD ELSE 0 END + CASE WHEN `__clientele_r1` THEN 3.5BD ELSE 0 END + CASE WHEN `__clientele_r2` THEN 1BD ELSE 0 END + CASE WHEN `__clientele_r3` THEN 1BD ELSE 0 END AS DECIMAL(38, 1)) AS `risk`,
  CAST(CASE WHEN (`__clientele_r0` IS NULL OR `__clientele_r0`) THEN 2BD ELSE 0 END + CASE WHEN (`__clientele_r1` IS NULL OR `__clientele_r1`) THEN 3.5BD ELSE 0 END + CASE WHEN (`__clientele_r2` IS NULL OR `__clientele_r2`) THEN 1BD ELSE 0 END + CASE WHEN (`__clientele_r3` IS NULL OR `__clientele_r3`) THEN 1BD ELSE 0 END AS DECIMAL(38, 1)) AS `possible_risk`,
  CASE WHEN `__clientele_r1` THEN 'critical' WHEN `__clientele_r0` THEN 'warning' WHEN `__clientele_r3` THEN 'warning' WHEN `__clientele_r2` THEN 'watch' ELSE 'none' END AS `level`
FROM (SELECT `account_id`,
  (`spendChange` <= (-0.2BD)) AS `__clientele_r0`,
  ((`lastVisit` < add_months(CAST(? AS DATE), -3)) OR (`lastVisit` IS NULL)) AS `__clientele_r1`,
  ((CAST(`tier` AS BINARY) IN (CAST(? AS BINARY), CAST(? AS BINARY))) AND (NOT (`lastOrder` >= date_sub(CAST(? AS DATE), 30) AND `lastOrder` <= CAST(? AS DATE)))) AS `__clientele_r2`,
  (`handover` = FALSE) AS `__clientele_r3`
FROM `signals`) AS `__clientele_rules`
-- params: ["2026-11-01","gold","o'neil","2026-11-01","2026-11-01"]
