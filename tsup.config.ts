import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    scoring: 'src/scoring/index.ts',
    value: 'src/value/index.ts',
    churn: 'src/churn/index.ts',
    quality: 'src/quality/index.ts',
    sql: 'src/sql/index.ts',
    charts: 'src/charts/index.ts',
    outcomes: 'src/outcomes/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  treeshake: true,
  sourcemap: false,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['decimal.js', 'zod'],
});
