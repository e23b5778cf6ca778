SELECT "account_id",
  ARRAY_CONSTRUCT_COMPACT(CASE WHEN "__clientele_r0" THEN 'spend-drop' END, CASE WHEN "__clientele_r1" THEN 'no-visit' END, CASE WHEN "__clientele_r2" THEN 'tier' END, CASE WHEN "__clientele_r3" THEN 'handover' END) AS "fired",
  ARRAY_CONSTRUCT_COMPACT(CASE WHEN "__clientele_r0" THEN OBJECT_CONSTRUCT('id', 'spend-drop', 'severity', 'warning') END, CASE WHEN "__clientele_r1" THEN OBJECT_CONSTRUCT('id', 'no-visit', 'severity', 'critical') END, CASE WHEN "__clientele_r2" THEN OBJECT_CONSTRUCT('id', 'tier', 'severity', 'watch') END, CASE WHEN "__clientele_r3" THEN OBJECT_CONSTRUCT('id', 'handover', 'severity', 'warning') END) AS "fired_rules",
  ARRAY_CONSTRUCT_COMPACT(CASE WHEN "__clientele_r0" IS NULL THEN 'spend-drop' END, CASE WHEN "__clientele_r1" IS NULL THEN 'no-visit' END, CASE WHEN "__clientele_r2" IS NULL THEN 'tier' END, CASE WHEN "__clientele_r3" IS NULL THEN 'handover' END) AS "unknown",
  CAST(CASE WHEN "__clientele_r0" THEN 2 ELSE 0 END + CASE WHEN "__clientele_r1" THEN 3.5 ELSE 0 END + CASE WHEN "__clientele_r2" THEN 1 ELSE 0 END + CASE WHEN "__clientele_r3" THEN 1 ELSE 0 END AS NUMBER(38, 1)) AS "risk",
  CAST(CASE WHEN ("__clientele_r0" IS NULL OR "__clientele_r0") THEN 2 ELSE 0 END + CASE WHEN ("__clientele_r1" IS NULL OR "__clientele_r1") THEN 3.5 ELSE 0 END + CASE WHEN ("__clientele_r2" IS NULL OR "__clientele_r2") THEN 1 ELSE 0 END + CASE WHEN ("__clientele_r3" IS NULL OR "__clientele_r3") THEN 1 ELSE 0 END AS NUMBER(38, 1)) AS "possible_risk",
  CASE WHEN "__clientele_r1" THEN 'critical' WHEN "__clientele_r0" THEN 'warning' WHEN "__clientele_r3" THEN 'warning' WHEN "__clientele_r2" THEN 'watch' ELSE 'none' END AS "level"
FROM (SELECT "account_id",
  ("spendChange" <= (-0.2)) AS "__clientele_r0",
  (("lastVisit" < DATEADD(month, -3, CAST(? AS DATE))) OR ("lastVisit" IS NULL)) AS "__clientele_r1",
  ((COLLATE("tier", 'utf8') IN (COLLATE(?, 'utf8'), COLLATE(?, 'utf8'))) AND (NOT ("lastOrder" >= DATEADD(day, -30, CAST(? AS DATE)) AND "lastOrder" <= CAST(? AS DATE)))) AS "__clientele_r2",
  ("handover" = FALSE) AS "__clientele_r3"
FROM "signals") AS "__clientele_rules"
-- params: ["2026-11-01","gold","o'neil","2026-11-01","2026-11-01"]
