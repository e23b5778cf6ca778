/**
 * Model definitions of the value and quality modules take labels as model files write them: `en`
 * required (the fallback), any other BCP 47 locale optional, `zh-CN` included. Each
 * `@ts-expect-error` fails the type check if the mistake compiles.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  defineInstrument,
  defineTierPolicy,
  defineValueGrader,
  defineValueMatrix,
  type Instrument,
  type InstrumentDefinition,
  type TierPolicy,
  type ValueGrader,
} from '../../src/index.js';

const row = { A: 'all', B: 'all', C: 'all', D: 'all' } as const;

describe('labels in any BCP 47 locale, en required', () => {
  it('a value matrix takes { en, de } labels and strategies', () => {
    defineValueMatrix({
      id: 'm',
      labels: { en: 'Matrix', de: 'Matrix' },
      classes: [
        { id: 'all', segment: 'all', labels: { en: 'All', de: 'Alle' }, strategy: { en: 'Serve', ja: '対応' } },
      ],
      cells: { A: row, B: row, C: row, D: row },
    });
    defineValueMatrix({
      id: 'm',
      // @ts-expect-error en is the fallback and required
      classes: [{ id: 'all', segment: 'all', labels: { de: 'Alle' }, strategy: { en: 'Serve' } }],
      cells: { A: row, B: row, C: row, D: row },
    });
  });

  it('a value grader and a tier policy take { en, de } labels', () => {
    expectTypeOf(
      defineValueGrader({
        id: 'g',
        version: '1',
        labels: { en: 'Grader', de: 'Einstufung' },
        method: 'thresholds',
        grades: [{ id: 'A', labels: { en: 'Top', fr: 'Haut' }, min: 10 }, { id: 'B' }],
      }),
    ).toEqualTypeOf<ValueGrader>();
    expectTypeOf(
      defineTierPolicy({
        id: 'p',
        version: '1',
        labels: { en: 'Policy', de: 'Regel' },
        tiers: [{ id: 'gold', labels: { en: 'Gold', de: 'Gold' }, minMonthlySpend: 0 }],
      }),
    ).toEqualTypeOf<TierPolicy>();
    // @ts-expect-error a tier's labels need en
    defineTierPolicy({ id: 'p', version: '1', tiers: [{ id: 'gold', labels: { de: 'Gold' }, minMonthlySpend: 0 }] });
  });

  it('an instrument takes { en, de } labels, wording and anchors', () => {
    const text = { en: 'Staff are polite', de: 'Das Personal ist höflich' };
    // typed as InstrumentDefinition: defineInstrument also takes any parsed JSON object
    const definition: InstrumentDefinition = {
      id: 'i',
      version: '1',
      labels: { en: 'Survey', de: 'Umfrage' },
      scale: { min: 1, max: 5, anchors: { min: { en: 'No', de: 'Nein' }, max: { en: 'Yes', de: 'Ja' } } },
      dimensions: [{ id: 'd', labels: { en: 'Manner', de: 'Umgang' }, items: [{ id: 'q1', text }] }],
      groups: [{ id: 'clients', labels: { en: 'Clients', de: 'Kunden' } }],
    };
    expectTypeOf(defineInstrument(definition)).toEqualTypeOf<Instrument>();
    // @ts-expect-error a dimension's labels need en
    const missing: InstrumentDefinition = { ...definition, dimensions: [{ id: 'd', labels: { de: 'x' }, items: [] }] };
    expectTypeOf(missing).toBeObject();
  });
});
