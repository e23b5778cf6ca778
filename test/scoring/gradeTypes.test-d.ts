/**
 * `grade` and `defineGradeBands` type the grade by the bands' ids when those are known at compile
 * time (a preset, compiled bands from a literal, or a literal definition), without type
 * arguments; bands of unknown shape give `string`. Each `@ts-expect-error` fails the type check
 * if the mistake compiles.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  defineGradeBands,
  grade,
  potentialValueBands,
  type GradeBands,
  type GradeBandsDefinition,
} from '../../src/scoring/index.js';

const passFail = {
  id: 'pass-fail',
  bands: [
    { id: 'pass', labels: { en: 'Pass', 'zh-CN': '通过' }, interval: '[50, 100]' },
    { id: 'fail', labels: { en: 'Fail', 'zh-CN': '不通过' }, interval: '[0, 50)' },
  ],
};

describe('grade ids as unions', () => {
  it('a preset grades into its ids', () => {
    const result = grade(80, potentialValueBands);
    expectTypeOf(result).toEqualTypeOf<'A' | 'B' | 'C' | 'D'>();
    // @ts-expect-error 'E' is not a grade of potentialValueBands: the comparison cannot be true
    expectTypeOf(result === 'E').toBeBoolean();
  });

  it('bands compiled from a literal, and a literal itself, grade into their ids', () => {
    const bands = defineGradeBands({
      id: 'pass-fail',
      bands: [
        { id: 'pass', interval: '[50, 100]' },
        { id: 'fail', interval: '[0, 50)' },
      ],
    });
    expectTypeOf(bands).toEqualTypeOf<GradeBands<'pass' | 'fail'>>();
    expectTypeOf(bands.grades).toEqualTypeOf<readonly ('pass' | 'fail')[]>();
    expectTypeOf(grade(50, bands)).toEqualTypeOf<'pass' | 'fail'>();
    // @ts-expect-error 'passed' is a typo of 'pass'
    expectTypeOf(grade(50, bands) === 'passed').toBeBoolean();
    expectTypeOf(grade(50, { id: 'yes-no', bands: [{ id: 'yes', interval: '[0, 100]' }] })).toEqualTypeOf<'yes'>();
    expectTypeOf(defineGradeBands(bands)).toEqualTypeOf<GradeBands<'pass' | 'fail'>>();
  });

  it('bands of unknown shape grade into string', () => {
    expectTypeOf(grade(50, passFail)).toEqualTypeOf<string>();
    const typed: GradeBandsDefinition = passFail;
    expectTypeOf(grade(50, typed)).toEqualTypeOf<string>();
    const compiled: GradeBands = defineGradeBands(passFail);
    expectTypeOf(grade(50, compiled)).toEqualTypeOf<string>();
    expectTypeOf(defineGradeBands(passFail)).toEqualTypeOf<GradeBands>();
    // bands with literal ids fit where any bands are asked for
    expectTypeOf(potentialValueBands).toExtend<GradeBands>();
  });
});
