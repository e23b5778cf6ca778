// The smoke test every consumer runs (Node ESM and CommonJS, TypeScript output, Deno, Bun, the
// browser): load every entry point, call one stable contract from each module, and turn the
// results into strings that must agree across runtimes. Plain JavaScript with no imports, so the
// same file runs everywhere; each check is isolated, so a missing export is one failed answer,
// never a crash.

/** The entry points the smoke test needs at least, as subpaths of `clientele`. */
export const entryPoints = ['', '/scoring', '/value', '/churn', '/quality'];

/** Every name below must be exported by the entry point it is listed under, and by the root. */
export const requiredExports = {
  '/scoring': ['score', 'grade', 'defineScorecard', 'potentialValueModel', 'potentialValueBands'],
  '/value': ['classifyValue', 'currentValue', 'herfindahlIndex', 'pareto'],
  '/churn': ['defineRuleSet', 'evaluateRules'],
  '/quality': ['netPromoterScore', 'cronbachAlpha', 'meanConfidenceInterval'],
  '': ['ValidationError', 'ClienteleError'],
};

/**
 * The answers every runtime must give, worked out by hand from SPEC and the seeds.
 * Floating-point statistics are compared at 10 significant digits, since engines may differ in
 * the last bit of `Math.log` and friends.
 */
export const expectedAnswers = {
  'scoring.score': 'total=78 grade=B',
  'scoring.grade-edges': '80→A 60→B 59.99→C 40→D',
  'scoring.json-round-trip': 'same fingerprint',
  'scoring.validation-error': 'ValidationError at ratings.tenure',
  'value.classifyValue': 'A high-value',
  'value.currentValue': '266.666666667',
  'value.herfindahlIndex': '10000 3800',
  'value.pareto': 'count=2 accountShare=0.4 valueShare=0.8',
  'churn.evaluateRules': 'fired=drop unknown=gap risk=10 level=warning',
  'churn.rejects-prototype-keys': 'ValidationError',
  'quality.netPromoterScore': 'score=14.28571429 promoters=3 passives=2 detractors=2',
  'quality.cronbachAlpha': 'alpha=0.9375 n=5 alphaIfDeleted=0.9302325581,0.8333333333,0.9589041096',
  'quality.meanConfidenceInterval': 'mean=3 lower=1.036756839 upper=4.963243161',
};

/** Seed 002's scorecard, one account: the 13 ratings add up to 78 (grade B, 60 ≤ total < 80). */
const ratings = {
  tenure: 4,
  creditRecord: 8,
  latePayment: 9,
  missedAppointments: 5,
  productVariety: 2,
  purchaseCount: 2.5,
  purchaseFrequency: 1.5,
  competitorPurchase: 6,
  competitorFrequency: 4,
  assetSize: 15,
  industry: 8,
  marketPosition: 7,
  peerUserBase: 6,
};

const significant = (value) => String(Number(Number(String(value)).toPrecision(10)));

function need(modules, entry, name) {
  const namespace = modules[entry];
  if (namespace === undefined || namespace === null) throw new Error(`entry point clientele${entry} did not load`);
  const value = namespace[name];
  if (value === undefined) throw new Error(`clientele${entry} has no export "${name}"`);
  return value;
}

function errorKind(task) {
  try {
    task();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, got none');
}

const checks = {
  'scoring.score': (m) => {
    const result = need(m, '/scoring', 'score')(need(m, '/scoring', 'potentialValueModel'), ratings);
    return `total=${result.total.toString()} grade=${result.grade}`;
  },
  'scoring.grade-edges': (m) => {
    const grade = need(m, '/scoring', 'grade');
    const bands = need(m, '/scoring', 'potentialValueBands');
    return ['80', '60', '59.99', '40'].map((total) => `${total}→${grade(total, bands)}`).join(' ');
  },
  'scoring.json-round-trip': (m) => {
    const model = need(m, '/scoring', 'potentialValueModel');
    const again = need(m, '/scoring', 'defineScorecard')(JSON.parse(JSON.stringify(model)));
    return again.fingerprint === model.fingerprint ? 'same fingerprint' : `${again.fingerprint} ≠ ${model.fingerprint}`;
  },
  'scoring.validation-error': (m) => {
    const score = need(m, '/scoring', 'score');
    const model = need(m, '/scoring', 'potentialValueModel');
    const ValidationError = need(m, '', 'ValidationError');
    const error = errorKind(() => score(model, { ...ratings, tenure: 99 }));
    const kind = error instanceof ValidationError ? 'ValidationError' : `not a ValidationError (${error})`;
    return `${kind} at ${error.issues?.[0]?.path}`;
  },
  'value.classifyValue': (m) => {
    const result = need(m, '/value', 'classifyValue')('A', 'A');
    return `${result.customerClass} ${result.segment}`;
  },
  'value.currentValue': (m) => {
    const result = need(m, '/value', 'currentValue')({ margin: 100, retention: 0.8, discountRate: 0.1 });
    return result.value.toSignificantDigits(12).toString();
  },
  'value.herfindahlIndex': (m) => {
    const hhi = need(m, '/value', 'herfindahlIndex');
    return `${hhi([1]).toString()} ${hhi([50, 30, 20]).toString()}`;
  },
  'value.pareto': (m) => {
    const result = need(m, '/value', 'pareto')([50, 30, 10, 5, 5], { targetShare: 0.8 });
    return (
      `count=${result.count} accountShare=${result.accountShare.toString()} ` +
      `valueShare=${result.valueShare.toString()}`
    );
  },
  'churn.evaluateRules': (m) => {
    const ruleSet = need(
      m,
      '/churn',
      'defineRuleSet',
    )({
      id: 'smoke',
      rules: [
        {
          id: 'drop',
          when: { signal: 'spendChange', op: 'lt', value: -0.3 },
          severity: 'warning',
          points: 10,
          cause: 'competitor',
          message: { en: 'Spend fell', 'zh-CN': '消费下降' },
        },
        {
          id: 'gap',
          when: { signal: 'daysSinceLastOrder', op: 'gt', value: 90 },
          severity: 'critical',
          points: 20,
          cause: 'needs-unmet',
          message: { en: 'No orders', 'zh-CN': '久未下单' },
        },
      ],
    });
    const result = need(m, '/churn', 'evaluateRules')(ruleSet, { spendChange: -0.5 });
    return (
      `fired=${result.fired.join(',')} unknown=${result.unknown.join(',')} risk=${result.risk.toString()} ` +
      `level=${result.level}`
    );
  },
  'churn.rejects-prototype-keys': (m) => {
    const defineRuleSet = need(m, '/churn', 'defineRuleSet');
    const ValidationError = need(m, '', 'ValidationError');
    const error = errorKind(() =>
      defineRuleSet({
        id: 'bad',
        rules: [
          {
            id: 'p',
            when: { signal: '__proto__', op: 'eq', value: 1 },
            severity: 'watch',
            points: 1,
            cause: 'complaint',
            message: { en: 'x', 'zh-CN': 'x' },
          },
        ],
      }),
    );
    return error instanceof ValidationError ? 'ValidationError' : `not a ValidationError (${error})`;
  },
  'quality.netPromoterScore': (m) => {
    const result = need(m, '/quality', 'netPromoterScore')([10, 9, 8, 7, 6, 0, 10]);
    return (
      `score=${significant(result.score)} promoters=${result.promoters} passives=${result.passives} ` +
      `detractors=${result.detractors}`
    );
  },
  'quality.cronbachAlpha': (m) => {
    const rows = [
      [1, 2, 3],
      [2, 3, 3],
      [3, 4, 5],
      [4, 4, 4],
      [5, 5, 5],
    ];
    const result = need(m, '/quality', 'cronbachAlpha')(rows);
    return (
      `alpha=${significant(result.alpha)} n=${result.n} ` +
      `alphaIfDeleted=${Array.from(result.alphaIfDeleted, significant).join(',')}`
    );
  },
  'quality.meanConfidenceInterval': (m) => {
    const result = need(m, '/quality', 'meanConfidenceInterval')([1, 2, 3, 4, 5]);
    return `mean=${significant(result.mean)} lower=${significant(result.lower)} upper=${significant(result.upper)}`;
  },
};

/**
 * Load every entry point with its loader (`loaders[subpath]()` returns the module namespace, or a
 * promise of it; the consumers list every subpath of the package's exports map) and compute the
 * answers. Never throws: a failure becomes the answer `ERROR: …`.
 */
export async function computeAnswers(loaders) {
  const modules = {};
  const answers = {};
  const entries = [...new Set([...entryPoints, ...Object.keys(loaders)])];
  for (const entry of entries) {
    const key = `load clientele${entry}`;
    try {
      if (!loaders[entry]) throw new Error(`the package has no entry point clientele${entry}`);
      modules[entry] = await loaders[entry]();
      const missing = (requiredExports[entry] ?? []).filter((name) => modules[entry][name] === undefined);
      answers[key] = missing.length === 0 ? 'ok' : `ERROR: missing exports ${missing.join(', ')}`;
    } catch (error) {
      answers[key] = `ERROR: ${describe(error)}`;
    }
  }
  try {
    const WIDER_IN_ROOT = new Set(['score', 'safeScore']);
    const root = modules[''] ?? {};
    const notInRoot = entries
      .filter((entry) => entry !== '' && modules[entry])
      .flatMap((entry) =>
        Object.keys(modules[entry])
          // the root's score and safeScore are the wider forms (they also compile a JSON model):
          // present in the root, a different function by design (docs/scoring.md)
          .filter((name) => name !== 'default' && root[name] !== modules[entry][name])
          .filter((name) => !(entry === '/scoring' && WIDER_IN_ROOT.has(name) && typeof root[name] === 'function'))
          .map((name) => `${entry.slice(1)}.${name}`),
      );
    answers['root re-exports every subpath export'] =
      notInRoot.length === 0 ? 'ok' : `ERROR: not the same in root: ${notInRoot.join(', ')}`;
  } catch (error) {
    answers['root re-exports every subpath export'] = `ERROR: ${describe(error)}`;
  }
  for (const [name, check] of Object.entries(checks)) {
    try {
      answers[name] = String(await check(modules));
    } catch (error) {
      answers[name] = `ERROR: ${describe(error)}`;
    }
  }
  return answers;
}

function describe(error) {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Every answer a runtime must give for the given subpaths, loading checks included. */
export function allExpectedAnswers(subpaths = entryPoints) {
  const expected = {};
  for (const entry of new Set([...entryPoints, ...subpaths])) expected[`load clientele${entry}`] = 'ok';
  expected['root re-exports every subpath export'] = 'ok';
  return { ...expected, ...expectedAnswers };
}
