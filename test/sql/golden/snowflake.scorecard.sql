SELECT "account_id",
  CAST(((CAST((CAST((abs("__clientele_N") * 1000000) AS NUMBER(18, 0)) - MOD(CAST((abs("__clientele_N") * 1000000) AS NUMBER(18, 0)), 26000000)) / 26000000 AS NUMBER(18, 0)) * 1000000000000) + (CAST(((MOD(CAST((abs("__clientele_N") * 1000000) AS NUMBER(18, 0)), 26000000) * 10000000000) - MOD((MOD(CAST((abs("__clientele_N") * 1000000) AS NUMBER(18, 0)), 26000000) * 10000000000), 26000000)) / 26000000 AS NUMBER(18, 0)) * 100) + CAST(((2 * (MOD((MOD(CAST((abs("__clientele_N") * 1000000) AS NUMBER(18, 0)), 26000000) * 10000000000), 26000000) * 100) + 26000000) - MOD((2 * (MOD((MOD(CAST((abs("__clientele_N") * 1000000) AS NUMBER(18, 0)), 26000000) * 10000000000), 26000000) * 100) + 26000000), 52000000)) / 52000000 AS NUMBER(18, 0))) * CASE WHEN "__clientele_N" < 0 THEN (-0.000000000001) ELSE 0.000000000001 END AS NUMBER(18, 12)) AS "total",
  CAST("__clientele_N" AS NUMBER(18, 6)) AS "total_numerator",
  CASE WHEN ("__clientele_N" >= 2080 AND "__clientele_N" <= 2600) THEN 'A' WHEN ("__clientele_N" > 1040 AND "__clientele_N" < 2080) THEN 'B' WHEN ("__clientele_N" >= 0 AND "__clientele_N" <= 1040) THEN 'C' END AS "grade",
  CAST(((CAST((CAST((abs("__clientele_q0") * 1000000) AS NUMBER(18, 0)) - MOD(CAST((abs("__clientele_q0") * 1000000) AS NUMBER(18, 0)), 26000000)) / 26000000 AS NUMBER(18, 0)) * 1000000000000) + (CAST(((MOD(CAST((abs("__clientele_q0") * 1000000) AS NUMBER(18, 0)), 26000000) * 10000000000) - MOD((MOD(CAST((abs("__clientele_q0") * 1000000) AS NUMBER(18, 0)), 26000000) * 10000000000), 26000000)) / 26000000 AS NUMBER(18, 0)) * 100) + CAST(((2 * (MOD((MOD(CAST((abs("__clientele_q0") * 1000000) AS NUMBER(18, 0)), 26000000) * 10000000000), 26000000) * 100) + 26000000) - MOD((2 * (MOD((MOD(CAST((abs("__clientele_q0") * 1000000) AS NUMBER(18, 0)), 26000000) * 10000000000), 26000000) * 100) + 26000000), 52000000)) / 52000000 AS NUMBER(18, 0))) * CASE WHEN "__clientele_q0" < 0 THEN (-0.000000000001) ELSE 0.000000000001 END AS NUMBER(18, 12)) AS "points_credit",
  CAST(((CAST((CAST((abs("__clientele_q1") * 1000000) AS NUMBER(18, 0)) - MOD(CAST((abs("__clientele_q1") * 1000000) AS NUMBER(18, 0)), 26000000)) / 26000000 AS NUMBER(18, 0)) * 1000000000000) + (CAST(((MOD(CAST((abs("__clientele_q1") * 1000000) AS NUMBER(18, 0)), 26000000) * 10000000000) - MOD((MOD(CAST((abs("__clientele_q1") * 1000000) AS NUMBER(18, 0)), 26000000) * 10000000000), 26000000)) / 26000000 AS NUMBER(18, 0)) * 100) + CAST(((2 * (MOD((MOD(CAST((abs("__clientele_q1") * 1000000) AS NUMBER(18, 0)), 26000000) * 10000000000), 26000000) * 100) + 26000000) - MOD((2 * (MOD((MOD(CAST((abs("__clientele_q1") * 1000000) AS NUMBER(18, 0)), 26000000) * 10000000000), 26000000) * 100) + 26000000), 52000000)) / 52000000 AS NUMBER(18, 0))) * CASE WHEN "__clientele_q1" < 0 THEN (-0.000000000001) ELSE 0.000000000001 END AS NUMBER(18, 12)) AS "points_influence",
  "__clientele_complete" AS "complete",
  "__clientele_error" AS "error"
FROM (SELECT "account_id",
  (("__clientele_s0" - 120) + ("__clientele_s1" - 182)) AS "__clientele_N",
  ("__clientele_s0" - 120) AS "__clientele_q0",
  ("__clientele_s1" - 182) AS "__clientele_q1",
  "__clientele_error",
  "__clientele_complete"
FROM (SELECT "account_id",
  COALESCE("__clientele_p0", CASE WHEN "__clientele_n0" THEN 60 END) + COALESCE("__clientele_p1", CASE WHEN "__clientele_n1" THEN 60 END) AS "__clientele_s0",
  COALESCE("__clientele_p2", CASE WHEN "__clientele_n2" THEN 91 END) + COALESCE("__clientele_p3", CASE WHEN "__clientele_n3" THEN 0 END) + COALESCE("__clientele_p4", CASE WHEN "__clientele_n4" THEN 91 END) AS "__clientele_s1",
  COALESCE(CASE WHEN "__clientele_n0" THEN NULL WHEN "__clientele_p0" IS NULL THEN 'tenure: a raw value outside the scale''s bands' END, CASE WHEN "__clientele_n1" THEN NULL WHEN "__clientele_p1" IS NULL THEN 'latePayments: a raw value with more than 6 decimals' END, CASE WHEN "__clientele_n2" THEN NULL WHEN "__clientele_p2" IS NULL THEN 'industry: a code the scale does not list' END, CASE WHEN "__clientele_n3" THEN NULL WHEN "__clientele_p3" IS NULL THEN 'exclusive: not a boolean' END, CASE WHEN "__clientele_n4" THEN NULL WHEN "__clientele_p4" IS NULL THEN 'marketPosition: not a rating within [1, 10] with at most 6 decimals' END) AS "__clientele_error",
  NOT ("__clientele_n0" OR "__clientele_n1" OR "__clientele_n2" OR "__clientele_n3" OR "__clientele_n4") AS "__clientele_complete"
FROM (SELECT "account_id",
  CAST(CASE WHEN "tenure" IS NULL THEN NULL WHEN ("tenure" >= 0 AND "tenure" < 365) THEN 60 WHEN "tenure" >= 365 THEN 300 END AS NUMBER(18, 6)) AS "__clientele_p0",
  "tenure" IS NULL AS "__clientele_n0",
  CAST(CASE WHEN "latePayments" IS NULL THEN NULL WHEN "latePayments" <= 0 THEN 600 WHEN "latePayments" >= 12 THEN 60 WHEN CAST("latePayments" AS NUMBER(18, 6)) <> "latePayments" THEN NULL ELSE 600 + (-45) * CAST("latePayments" AS NUMBER(18, 6)) END AS NUMBER(18, 6)) AS "__clientele_p1",
  "latePayments" IS NULL AS "__clientele_n1",
  CAST(CASE WHEN "industry" IS NULL THEN NULL WHEN COLLATE("industry", 'utf8') = COLLATE(?, 'utf8') THEN 819 WHEN COLLATE("industry", 'utf8') = COLLATE(?, 'utf8') THEN 273 ELSE 455 END AS NUMBER(18, 6)) AS "__clientele_p2",
  "industry" IS NULL AS "__clientele_n2",
  CAST(CASE WHEN "exclusive" THEN 182 WHEN NOT "exclusive" THEN 0 END AS NUMBER(18, 6)) AS "__clientele_p3",
  "exclusive" IS NULL AS "__clientele_n3",
  CAST(CASE WHEN "market_position" IS NULL THEN NULL WHEN "market_position" < 1 THEN NULL WHEN "market_position" > 10 THEN NULL WHEN CAST("market_position" AS NUMBER(18, 6)) <> "market_position" THEN NULL ELSE 91 * CAST("market_position" AS NUMBER(18, 6)) END AS NUMBER(18, 6)) AS "__clientele_p4",
  "market_position" IS NULL AS "__clientele_n4"
FROM "crm"."accounts") AS "__clientele_factors") AS "__clientele_categories") AS "__clientele_totals"
-- params: ["fmcg","o'brien"]
