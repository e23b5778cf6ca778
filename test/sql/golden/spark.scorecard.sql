SELECT `account_id`,
  CAST((((CAST((abs(CAST(`__clientele_N` AS DECIMAL(18, 6))) * 1000000) AS BIGINT) div 26000000) * 1000000000000) + ((((CAST((abs(CAST(`__clientele_N` AS DECIMAL(18, 6))) * 1000000) AS BIGINT) % 26000000) * 10000000000) div 26000000) * 100) + ((2 * ((((CAST((abs(CAST(`__clientele_N` AS DECIMAL(18, 6))) * 1000000) AS BIGINT) % 26000000) * 10000000000) % 26000000) * 100) + 26000000) div 52000000)) * CASE WHEN CAST(`__clientele_N` AS DECIMAL(18, 6)) < 0 THEN (-0.000000000001BD) ELSE 0.000000000001BD END AS DECIMAL(18, 12)) AS `total`,
  CAST(`__clientele_N` AS DECIMAL(18, 6)) AS `total_numerator`,
  CASE WHEN (`__clientele_N` >= 2080BD AND `__clientele_N` <= 2600BD) THEN 'A' WHEN (`__clientele_N` > 1040BD AND `__clientele_N` < 2080BD) THEN 'B' WHEN (`__clientele_N` >= 0BD AND `__clientele_N` <= 1040BD) THEN 'C' END AS `grade`,
  CAST((((CAST((abs(CAST(`__clientele_q0` AS DECIMAL(18, 6))) * 1000000) AS BIGINT) div 26000000) * 1000000000000) + ((((CAST((abs(CAST(`__clientele_q0` AS DECIMAL(18, 6))) * 1000000) AS BIGINT) % 26000000) * 10000000000) div 26000000) * 100) + ((2 * ((((CAST((abs(CAST(`__clientele_q0` AS DECIMAL(18, 6))) * 1000000) AS BIGINT) % 26000000) * 10000000000) % 26000000) * 100) + 26000000) div 52000000)) * CASE WHEN CAST(`__clientele_q0` AS DECIMAL(18, 6)) < 0 THEN (-0.000000000001BD) ELSE 0.000000000001BD END AS DECIMAL(18, 12)) AS `points_credit`,
  CAST((((CAST((abs(CAST(`__clientele_q1` AS DECIMAL(18, 6))) * 1000000) AS BIGINT) div 26000000) * 1000000000000) + ((((CAST((abs(CAST(`__clientele_q1` AS DECIMAL(18, 6))) * 1000000) AS BIGINT) % 26000000) * 10000000000) div 26000000) * 100) + ((2 * ((((CAST((abs(CAST(`__clientele_q1` AS DECIMAL(18, 6))) * 1000000) AS BIGINT) % 26000000) * 10000000000) % 26000000) * 100) + 26000000) div 52000000)) * CASE WHEN CAST(`__clientele_q1` AS DECIMAL(18, 6)) < 0 THEN (-0.000000000001BD) ELSE 0.000000000001BD END AS DECIMAL(18, 12)) AS `points_influence`,
  `__clientele_complete` AS `complete`,
  `__clientele_error` AS `error`
FROM (SELECT `account_id`,
  ((`__clientele_s0` - 120BD) + (`__clientele_s1` - 182BD)) AS `__clientele_N`,
  (`__clientele_s0` - 120BD) AS `__clientele_q0`,
  (`__clientele_s1` - 182BD) AS `__clientele_q1`,
  `__clientele_error`,
  `__clientele_complete`
FROM (SELECT `account_id`,
  COALESCE(`__clientele_p0`, CASE WHEN `__clientele_n0` THEN 60BD END) + COALESCE(`__clientele_p1`, CASE WHEN `__clientele_n1` THEN 60BD END) AS `__clientele_s0`,
  COALESCE(`__clientele_p2`, CASE WHEN `__clientele_n2` THEN 91BD END) + COALESCE(`__clientele_p3`, CASE WHEN `__clientele_n3` THEN 0BD END) + COALESCE(`__clientele_p4`, CASE WHEN `__clientele_n4` THEN 91BD END) AS `__clientele_s1`,
  COALESCE(CASE WHEN `__clientele_n0` THEN NULL WHEN `__clientele_p0` IS NULL THEN 'tenure: a raw value outside the scale\'s bands' END, CASE WHEN `__clientele_n1` THEN NULL WHEN `__clientele_p1` IS NULL THEN 'latePayments: a raw value with more than 6 decimals' END, CASE WHEN `__clientele_n2` THEN NULL WHEN `__clientele_p2` IS NULL THEN 'industry: a code the scale does not list' END, CASE WHEN `__clientele_n3` THEN NULL WHEN `__clientele_p3` IS NULL THEN 'exclusive: not a boolean' END, CASE WHEN `__clientele_n4` THEN NULL WHEN `__clientele_p4` IS NULL THEN 'marketPosition: not a rating within [1, 10] with at most 6 decimals' END) AS `__clientele_error`,
  NOT (`__clientele_n0` OR `__clientele_n1` OR `__clientele_n2` OR `__clientele_n3` OR `__clientele_n4`) AS `__clientele_complete`
FROM (SELECT `account_id`,
  CAST(CASE WHEN `tenure` IS NULL THEN NULL WHEN (`tenure` >= 0BD AND `tenure` < 365BD) THEN 60BD WHEN `tenure` >= 365BD THEN 300BD END AS DECIMAL(18, 6)) AS `__clientele_p0`,
  `tenure` IS NULL AS `__clientele_n0`,
  CAST(CASE WHEN `latePayments` IS NULL THEN NULL WHEN `latePayments` <= 0BD THEN 600BD WHEN `latePayments` >= 12BD THEN 60BD WHEN CAST(`latePayments` AS DECIMAL(18, 6)) <> `latePayments` THEN NULL ELSE 600BD + (-45BD) * CAST(`latePayments` AS DECIMAL(18, 6)) END AS DECIMAL(18, 6)) AS `__clientele_p1`,
  `latePayments` IS NULL AS `__clientele_n1`,
  CAST(CASE WHEN `industry` IS NULL THEN NULL WHEN CAST(`industry` AS BINARY) = CAST(? AS BINARY) THEN 819BD WHEN CAST(`industry` AS BINARY) = CAST(? AS BINARY) THEN 273BD ELSE 455BD END AS DECIMAL(18, 6)) AS `__clientele_p2`,
  `industry` IS NULL AS `__clientele_n2`,
  CAST(CASE WHEN `exclusive` THEN 182BD WHEN NOT `exclusive` THEN 0BD END AS DECIMAL(18, 6)) AS `__clientele_p3`,
  `exclusive` IS NULL AS `__clientele_n3`,
  CAST(CASE WHEN `market_position` IS NULL THEN NULL WHEN `market_position` < 1BD THEN NULL WHEN `market_position` > 10BD THEN NULL WHEN CAST(`market_position` AS DECIMAL(18, 6)) <> `market_position` THEN NULL ELSE 91BD * CAST(`market_position` AS DECIMAL(18, 6)) END AS DECIMAL(18, 6)) AS `__clientele_p4`,
  `market_position` IS NULL AS `__clientele_n4`
FROM `crm`.`accounts`) AS `__clientele_factors`) AS `__clientele_categories`) AS `__clientele_totals`
-- params: ["fmcg","o'brien"]
