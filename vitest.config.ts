import { defineConfig } from 'vitest/config';

/**
 * Three projects, as remeda splits its suite: `unit` (examples, `*.test.ts`), `prop` (fast-check
 * laws, `*.test-prop.ts`) and `types` (`*.test-d.ts`, checked by tsc through vitest's typecheck).
 * `npx vitest run --project prop` runs one of them.
 */
export default defineConfig({
  test: {
    // generous limits: no test asserts speed, and a loaded machine must not turn a slow property red
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'prop', include: ['test/**/*.test-prop.ts'], setupFiles: ['test/setup/fastCheckSeed.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'types',
          include: [],
          typecheck: { enabled: true, only: true, include: ['test/**/*.test-d.ts'], tsconfig: 'tsconfig.test.json' },
        },
      },
    ],
  },
});
