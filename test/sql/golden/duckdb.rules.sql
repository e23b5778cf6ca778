SELECT "account_id",
  list_filter([CASE WHEN "__clientele_r0" THEN 'spend-drop' END, CASE WHEN "__clientele_r1" THEN 'no-visit' END, CASE WHEN "__clientele_r2" THEN 'tier' END, CASE WHEN "__clientele_r3" THEN 'handover' END], element -> element IS NOT NULL) AS "fired",
  list_filter([CASE WHEN "__clientele_r0" THEN {'id': 'spend-drop', 'severity': 'warning'} END, CASE WHEN "__clientele_r1" THEN {'id': 'no-visit', 'severity': 'critical'} END, CASE WHEN "__clientele_r2" THEN {'id': 'tier', 'severity': 'watch'} END, CASE WHEN "__clientele_r3" THEN {'id': 'handover', 'severity': 'warning'} END], element -> element IS NOT NULL) AS "fired_rules",
  list_filter([CASE WHEN "__clientele_r0" IS NULL THEN 'spend-drop' END, CASE WHEN "__clientele_r1" IS NULL THEN 'no-visit' END, CASE WHEN "__clientele_r2" IS NULL THEN 'tier' END, CASE WHEN "__clientele_r3" IS NULL THEN 'handover' END], element -> element IS NOT NULL) AS "unknown",
  CAST(CASE WHEN "__clientele_r0" THEN 2 ELSE 0 END + CASE WHEN "__clientele_r1" THEN 3.5 ELSE 0 END + CASE WHEN "__clientele_r2" THEN 1 ELSE 0 END + CASE WHEN "__clientele_r3" THEN 1 ELSE 0 END AS DECIMAL(38, 1)) AS "risk",
  CAST(CASE WHEN ("__clientele_r0" IS NULL OR "__clientele_r0") THEN 2 ELSE 0 END + CASE WHEN ("__clientele_r1" IS NULL OR "__clientele_r1") THEN 3.5 ELSE 0 END + CASE WHEN ("__clientele_r2" IS NULL OR "__clientele_r2") THEN 1 ELSE 0 END + CASE WHEN ("__clientele_r3" IS NULL OR "__clientele_r3") THEN 1 ELSE 0 END AS DECIMAL(38, 1)) AS "possible_risk",
  CASE WHEN "__clientele_r1" THEN 'critical' WHEN "__clientele_r0" THEN 'warning' WHEN "__clientele_r3" THEN 'warning' WHEN "__clientele_r2" THEN 'watch' ELSE 'none' END AS "level"
FROM (SELECT "account_id",
  ("spendChange" <= (-0.2)) AS "__clientele_r0",
  ((CASE WHEN typeof("lastVisit") = 'TIMESTAMP WITH TIME ZONE' THEN timezone('UTC', CAST("lastVisit" AS TIMESTAMPTZ)) ELSE CAST("lastVisit" AS TIMESTAMP) END < CAST(CAST(CAST($1 AS DATE) - INTERVAL 3 MONTH AS DATE) AS TIMESTAMP)) OR ("lastVisit" IS NULL)) AS "__clientele_r1",
  ((("tier" COLLATE "binary") IN ($2, $3)) AND (NOT (CASE WHEN typeof("lastOrder") = 'TIMESTAMP WITH TIME ZONE' THEN timezone('UTC', CAST("lastOrder" AS TIMESTAMPTZ)) ELSE CAST("lastOrder" AS TIMESTAMP) END >= CAST((CAST($1 AS DATE) - 30) AS TIMESTAMP) AND CASE WHEN typeof("lastOrder") = 'TIMESTAMP WITH TIME ZONE' THEN timezone('UTC', CAST("lastOrder" AS TIMESTAMPTZ)) ELSE CAST("lastOrder" AS TIMESTAMP) END <= CAST(CAST($1 AS DATE) AS TIMESTAMP)))) AS "__clientele_r2",
  ("handover" = FALSE) AS "__clientele_r3"
FROM "signals") AS "__clientele_rules"
-- params: ["2026-11-01","gold","o'neil"]
