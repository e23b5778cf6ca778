// Cross-runtime determinism: one seeded corpus through every public function of every entry
// point; per function, the SHA-256 of the JSON of its results and errors. Plain JavaScript with no
// imports, so Node (ESM and CommonJS), Deno, Bun and a browser bundle run the very same code, and
// run.mjs compares the digests they print.

/** Mulberry32: a small seeded PRNG whose sequence is the same on every engine (32-bit integer ops only). */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** SHA-256 of a string's UTF-8 bytes, hex (FIPS 180-4), in plain JavaScript so every runtime computes it alike. */
export function sha256(text) {
  const bytes = new TextEncoder().encode(text);
  const k = [];
  const primes = [];
  for (let n = 2; primes.length < 64; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
  const frac = (x) => ((x - Math.floor(x)) * 4294967296) >>> 0;
  for (const p of primes) k.push(frac(Math.cbrt(p)));
  const h = primes.slice(0, 8).map((p) => frac(Math.sqrt(p)));
  const length = bytes.length;
  const padded = new Uint8Array((((length + 8) >> 6) + 1) << 6);
  padded.set(bytes);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 4, (length * 8) >>> 0);
  view.setUint32(padded.length - 8, Math.floor((length * 8) / 4294967296));
  const w = new Uint32Array(64);
  const rotr = (x, n) => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i]) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      [hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) >>> 0, c, b, a, (t1 + t2) >>> 0];
    }
    [a, b, c, d, e, f, g, hh].forEach((value, i) => (h[i] = (h[i] + value) >>> 0));
  }
  return h.map((x) => x.toString(16).padStart(8, '0')).join('');
}

/** The seeded corpus: 2,000 values of the shapes the public functions read, in four pools. */
export function buildCorpus(models, seed = 20260420, size = 2000) {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const int = (low, high) => low + Math.floor(random() * (high - low + 1));
  const number = () =>
    pick([
      () => int(-5, 120),
      () => Math.round(random() * 1e6) / 100,
      () => random() * 10 - 5,
      () => random(),
      () => pick([0, 1, -1, 0.5, 1e-300, 1e308, 9007199254740994, 1e7, 0.001]),
    ])();
  const numbers = () => Array.from({ length: int(2, 20) }, number);
  const table = () => {
    const k = int(2, 6);
    return Array.from({ length: int(3, 25) }, () =>
      Array.from({ length: k }, () => (random() < 0.05 ? null : int(1, 5))),
    );
  };
  const items = models
    .filter((model) => Array.isArray(model?.dimensions))
    .flatMap((model) => model.dimensions.flatMap((dimension) => (dimension.items ?? []).map((item) => item.id)));
  const responses = () =>
    Array.from({ length: int(2, 12) }, (_, r) => ({
      id: `r${r}`,
      answers: Object.fromEntries(items.filter(() => random() < 0.8).map((id) => [id, int(1, 7)])),
    }));
  const record = () => ({
    id: `c${int(1, 999)}`,
    spend: number(),
    revenue: String(int(0, 100000)),
    value: number(),
    count: int(0, 12),
    frequency: int(0, 12),
    recency: int(0, 40),
    age: int(30, 60),
    T: int(30, 60),
    date: `2025-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
  });
  const probability = () => pick([random, () => pick([0.025, 0.05, 0.5, 0.95, 0.975, 0.999])])();
  const df = () => pick([() => int(1, 300), () => random() * 50 + 0.5, () => pick([1e-3, 1e7, 2.5e8, 1e300])])();
  const pools = {
    numbers: [number, probability, probability, df, df],
    tables: [table],
    structures: [numbers, () => Array.from({ length: int(1, 20) }, record), record],
    responses: [responses],
    models: [() => pick(models)],
    other: [
      () => pick(['', 'a', 'reliability', 'pairwise', 'listwise', '2025-06-30', 'x'.repeat(int(1, 40))]),
      () => pick([null, undefined, true, false, {}, []]),
      () => ({ level: pick([0.9, 0.95, 0.99]), asOf: '2025-06-30' }),
    ],
  };
  const corpus = { modelList: models };
  const per = Math.floor(size / Object.keys(pools).length);
  for (const [pool, makers] of Object.entries(pools)) corpus[pool] = Array.from({ length: per }, () => pick(makers)());
  return corpus;
}

/**
 * The arguments of one call, in turn: generic (any value); numeric (probabilities, degrees of
 * freedom and other numbers: the statistics); data-led (a table, sample or records first); and
 * model-led (each model in turn, then data of its kind: survey responses for an instrument).
 */
function argumentsFor(call, arity, corpus, random) {
  const from = (pool) => pool[Math.floor(random() * pool.length)];
  const all = [...corpus.numbers, ...corpus.tables, ...corpus.structures, ...corpus.models, ...corpus.other];
  const data = [...corpus.tables, ...corpus.structures, ...corpus.responses];
  const kind = call % 4;
  const model = corpus.modelList[Math.floor(call / 4) % Math.max(corpus.modelList.length, 1)];
  return Array.from({ length: arity }, (_, position) => {
    if (kind === 1) return from(corpus.numbers);
    if (kind === 2)
      return position === 0
        ? from(random() < 0.5 ? corpus.tables : corpus.structures)
        : from(random() < 0.7 ? data : corpus.other);
    if (kind === 3 && model !== undefined) {
      if (position === 0) return model;
      if (position === 1) return from(Array.isArray(model.dimensions) ? corpus.responses : corpus.structures);
      return from(corpus.other);
    }
    return from(all);
  });
}

/**
 * Functions left out of the corpus run, with the reason. A Pareto/NBD fit on a handful of random
 * customers can take over ten seconds before it reports that it did not converge (its
 * hypergeometric series near z = 1), which would make this check slow; its numerics share the
 * engine-independent functions the other fits use.
 */
export const SKIPPED = { fitParetoNbd: 'slow to fail on random small samples' };

/** JSON of a result (or of the error it threw), with engine-specific error text left out. */
function describe(run) {
  try {
    const value = run();
    if (value && typeof value.then === 'function') return '"(promise)"';
    return (
      JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'function' ? '(function)' : v)) ??
      'undefined'
    );
  } catch (error) {
    const issues = Array.isArray(error?.issues)
      ? error.issues.map((issue) => [issue.path, issue.code, issue.expected, issue.received])
      : undefined;
    // a ValidationError's message is the library's own; other errors' text is the engine's
    const own = issues !== undefined || error?.name === 'ConvergenceError';
    return JSON.stringify({ error: error?.name ?? typeof error, message: own ? error.message : undefined, issues });
  }
}

/**
 * Runs the corpus through every exported function of the given modules (each function once,
 * whichever entry point exports it): `calls` argument lists per function, drawn from the corpus by
 * a second seeded stream, so every runtime makes the same calls. Returns { name: sha256 }.
 */
export function determinismDigests(modules, { calls = 32 } = {}) {
  const functions = new Map();
  const models = [];
  for (const namespace of Object.values(modules))
    for (const [name, value] of Object.entries(namespace)) {
      if (typeof value === 'function' && !/^[A-Z]/.test(name)) {
        if (!functions.has(name)) functions.set(name, value);
      } else if (value && typeof value === 'object' && typeof value.fingerprint === 'string' && !models.includes(value))
        models.push(value);
    }
  models.sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
  const corpus = buildCorpus(models);
  const digests = {};
  for (const name of [...functions.keys()].sort()) {
    if (name in SKIPPED) continue;
    const fn = functions.get(name);
    const random = prng(name.split('').reduce((hash, c) => Math.imul(hash ^ c.charCodeAt(0), 16777619), 2166136261));
    const arity = Math.max(fn.length, 1);
    const parts = [];
    for (let call = 0; call < calls; call++) {
      const args = argumentsFor(call, arity, corpus, random);
      parts.push(describe(() => fn(...args)));
    }
    digests[name] = sha256(parts.join('\n'));
  }
  return digests;
}
