SELECT "account_id",
  array_remove(CAST(ARRAY[CASE WHEN "__clientele_r0" THEN 'spend-drop' END, CASE WHEN "__clientele_r1" THEN 'no-visit' END, CASE WHEN "__clientele_r2" THEN 'tier' END, CASE WHEN "__clientele_r3" THEN 'handover' END] AS TEXT[]), NULL) AS "fired",
  jsonb_path_query_array(jsonb_build_array(CASE WHEN "__clientele_r0" THEN jsonb_build_object('id', 'spend-drop', 'severity', 'warning') END, CASE WHEN "__clientele_r1" THEN jsonb_build_object('id', 'no-visit', 'severity', 'critical') END, CASE WHEN "__clientele_r2" THEN jsonb_build_object('id', 'tier', 'severity', 'watch') END, CASE WHEN "__clientele_r3" THEN jsonb_build_object('id', 'handover', 'severity', 'warning') END), '$[*] ? (@ != null)') AS "fired_rules",
  array_remove(CAST(ARRAY[CASE WHEN "__clientele_r0" IS NULL THEN 'spend-drop' END, CASE WHEN "__clientele_r1" IS NULL THEN 'no-visit' END, CASE WHEN "__clientele_r2" IS NULL THEN 'tier' END, CASE WHEN "__clientele_r3" IS NULL THEN 'handover' END] AS TEXT[]), NULL) AS "unknown",
  CAST(CASE WHEN "__clientele_r0" THEN 2 ELSE 0 END + CASE WHEN "__clientele_r1" THEN 3.5 ELSE 0 END + CASE WHEN "__clientele_r2" THEN 1 ELSE 0 END + CASE WHEN "__clientele_r3" THEN 1 ELSE 0 END AS NUMERIC(38, 1)) AS "risk",
  CAST(CASE WHEN ("__clientele_r0" IS NULL OR "__clientele_r0") THEN 2 ELSE 0 END + CASE WHEN ("__clientele_r1" IS NULL OR "__clientele_r1") THEN 3.5 ELSE 0 END + CASE WHEN ("__clientele_r2" IS NULL OR "__clientele_r2") THEN 1 ELSE 0 END + CASE WHEN ("__clientele_r3" IS NULL OR "__clientele_r3") THEN 1 ELSE 0 END AS NUMERIC(38, 1)) AS "possible_risk",
  CASE WHEN "__clientele_r1" THEN 'critical' WHEN "__clientele_r0" THEN 'warning' WHEN "__clientele_r3" THEN 'warning' WHEN "__clientele_r2" THEN 'watch' ELSE 'none' END AS "level"
FROM (SELECT "account_id",
  (CAST(CAST("spendChange" AS TEXT) AS NUMERIC) <= (-0.2)) AS "__clientele_r0",
  ((CASE WHEN pg_typeof("lastVisit") = CAST('timestamptz' AS REGTYPE) THEN CAST("lastVisit" AS TIMESTAMPTZ) AT TIME ZONE 'UTC' ELSE CAST("lastVisit" AS TIMESTAMP) END < CAST(CAST(CAST($1 AS DATE) - INTERVAL '3 months' AS DATE) AS TIMESTAMP)) OR ("lastVisit" IS NULL)) AS "__clientele_r1",
  ((("tier" COLLATE "C") IN ($2, $3)) AND (NOT (CASE WHEN pg_typeof("lastOrder") = CAST('timestamptz' AS REGTYPE) THEN CAST("lastOrder" AS TIMESTAMPTZ) AT TIME ZONE 'UTC' ELSE CAST("lastOrder" AS TIMESTAMP) END >= CAST((CAST($1 AS DATE) - 30) AS TIMESTAMP) AND CASE WHEN pg_typeof("lastOrder") = CAST('timestamptz' AS REGTYPE) THEN CAST("lastOrder" AS TIMESTAMPTZ) AT TIME ZONE 'UTC' ELSE CAST("lastOrder" AS TIMESTAMP) END <= CAST(CAST($1 AS DATE) AS TIMESTAMP)))) AS "__clientele_r2",
  ("handover" = FALSE) AS "__clientele_r3"
FROM "signals") AS "__clientele_rules"
-- params: ["2026-11-01","gold","o'neil"]
