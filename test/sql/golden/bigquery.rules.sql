SELECT `account_id`,
  ARRAY(SELECT item.id FROM UNNEST([STRUCT(`__clientele_r0` AS keep, 'spend-drop' AS id), STRUCT(`__clientele_r1` AS keep, 'no-visit' AS id), STRUCT(`__clientele_r2` AS keep, 'tier' AS id), STRUCT(`__clientele_r3` AS keep, 'handover' AS id)]) AS item WITH OFFSET AS position WHERE item.keep ORDER BY position) AS `fired`,
  ARRAY(SELECT AS STRUCT item.id, item.severity FROM UNNEST([STRUCT(`__clientele_r0` AS keep, 'spend-drop' AS id, 'warning' AS severity), STRUCT(`__clientele_r1` AS keep, 'no-visit' AS id, 'critical' AS severity), STRUCT(`__clientele_r2` AS keep, 'tier' AS id, 'watch' AS severity), STRUCT(`__clientele_r3` AS keep, 'handover' AS id, 'warning' AS severity)]) AS item WITH OFFSET AS position WHERE item.keep ORDER BY position) AS `fired_rules`,
  ARRAY(SELECT item.id FROM UNNEST([STRUCT(`__clientele_r0` IS NULL AS keep, 'spend-drop' AS id), STRUCT(`__clientele_r1` IS NULL AS keep, 'no-visit' AS id), STRUCT(`__clientele_r2` IS NULL AS keep, 'tier' AS id), STRUCT(`__clientele_r3` IS NULL AS keep, 'handover' AS id)]) AS item WITH OFFSET AS position WHERE item.keep ORDER BY position) AS `unknown`,
  CAST(CASE WHEN `__clientele_r0` THEN BIGNUMERIC '2' ELSE 0 END + CASE WHEN `__clientele_r1` THEN BIGNUMERIC '3.5' ELSE 0 END + CASE WHEN `__clientele_r2` THEN BIGNUMERIC '1' ELSE 0 END + CASE WHEN `__clientele_r3` THEN BIGNUMERIC '1' ELSE 0 END AS BIGNUMERIC(38, 1)) AS `risk`,
  CAST(CASE WHEN (`__clientele_r0` IS NULL OR `__clientele_r0`) THEN BIGNUMERIC '2' ELSE 0 END + CASE WHEN (`__clientele_r1` IS NULL OR `__clientele_r1`) THEN BIGNUMERIC '3.5' ELSE 0 END + CASE WHEN (`__clientele_r2` IS NULL OR `__clientele_r2`) THEN BIGNUMERIC '1' ELSE 0 END + CASE WHEN (`__clientele_r3` IS NULL OR `__clientele_r3`) THEN BIGNUMERIC '1' ELSE 0 END AS BIGNUMERIC(38, 1)) AS `possible_risk`,
  CASE WHEN `__clientele_r1` THEN 'critical' WHEN `__clientele_r0` THEN 'warning' WHEN `__clientele_r3` THEN 'warning' WHEN `__clientele_r2` THEN 'watch' ELSE 'none' END AS `level`
FROM (SELECT `account_id`,
  (`spendChange` <= BIGNUMERIC '-0.2') AS `__clientele_r0`,
  ((TIMESTAMP(`lastVisit`) < TIMESTAMP(DATE_SUB(CAST(? AS DATE), INTERVAL 3 MONTH))) OR (`lastVisit` IS NULL)) AS `__clientele_r1`,
  ((CAST(`tier` AS BYTES) IN (CAST(? AS BYTES), CAST(? AS BYTES))) AND (NOT (TIMESTAMP(`lastOrder`) >= TIMESTAMP(DATE_SUB(CAST(? AS DATE), INTERVAL 30 DAY)) AND TIMESTAMP(`lastOrder`) <= TIMESTAMP(CAST(? AS DATE))))) AS `__clientele_r2`,
  (`handover` = FALSE) AS `__clientele_r3`
FROM `signals`) AS `__clientele_rules`
-- params: ["2026-11-01","gold","o'neil","2026-11-01","2026-11-01"]
