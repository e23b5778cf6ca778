SELECT "account_id",
  array_remove(CAST(ARRAY[CASE WHEN "__clientele_r0" THEN 'spend-drop' END, CASE WHEN "__clientele_r1" THEN 'no-visit' END, CASE WHEN "__clientele_r2" THEN 'tier' END, CASE WHEN "__clientele_r3" THEN 'handover' END] AS TEXT[]), NULL) AS "fired",
  jsonb_path_query_array(jsonb_build_array(CASE WHEN "__clientele_r0" THEN jsonb_build_object('id', 'spend-drop', 'severity', 'warning') END, CASE WHEN "__clientele_r1" THEN jsonb_build_object('id', 'no-visit', 'severity', 'critical') END, CASE WHEN "__clientele_r2" THEN jsonb_build_object('id', 'tier', 'severity', 'watch') END, CASE WHEN "__clientele_r3" THEN jsonb_build_object('id', 'handover', 'severity', 'warning') END), '$[*] ? (@ != null)') AS "fired_rules",
  array_remove(CAST(ARRAY[CASE WHEN "__clientele_r0" IS NULL THEN 'spend-drop' END, CASE WHEN "__clientele_r1" IS NULL THEN 'no-visit' END, CASE WHEN "__clientele_r2" IS NULL THEN 'tier' END, CASE WHEN "__clientele_r3" IS NULL THEN 'handover' END] AS TEXT[]), NULL) AS "unknown",
  CAST(CASE WHEN "__clientele_r0" THEN 2 ELSE 0 END + CASE WHEN "__clientele_r1" THEN 3.5 ELSE 0 END + CASE WHEN "__clientele_r2" THEN 1 ELSE 0 END + CASE WHEN "__clientele_r3" THEN 1 ELSE 0 END AS NUMERIC(38, 1)) AS "risk",
  CAST(CASE WHEN ("__clientele_r0" IS NULL OR "__clientele_r0") THEN 2 ELSE 0 END + CASE WHEN ("__clientele_r1" IS NULL OR "__clientele_r1") THEN 3.5 ELSE 0 END + CASE WHEN ("__clientele_r2" IS NULL OR "__clientele_r2") THEN 1 ELSE 0 END + CASE WHEN ("__clientele_r3" IS NULL OR "__clientele_r3") THEN 1 ELSE 0 END AS NUMERIC(38, 1)) AS "possible_risk",
  CASE WHEN "__clientele_r1" THEN 'critical' WHEN "__clientele_r0" THEN 'warning' WHEN "__clientele_r3" THEN 'warning' WHEN "__clientele_r2" THEN 'watch' ELSE 'none' END AS "level"
FROM (SELECT "account_id",
  ("spendChange" <= (-0.2)) AS "__clientele_r0",
  (("lastVisit" < CAST(CAST($1 AS DATE) - INTERVAL '3 months' AS DATE)) OR ("lastVisit" IS NULL)) AS "__clientele_r1",
  (("tier" IN ($2, $3)) AND (NOT ("lastOrder" >= (CAST($1 AS DATE) - 30) AND "lastOrder" <= CAST($1 AS DATE)))) AS "__clientele_r2",
  ("handover" = FALSE) AS "__clientele_r3"
FROM "signals") AS "__clientele_rules"
-- params: ["2026-11-01","gold","o'neil"]
