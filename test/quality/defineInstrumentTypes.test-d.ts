import { describe, expectTypeOf, it } from 'vitest';
import {
  defineInstrument,
  serviceQualityInstrument,
  type Instrument,
  type InstrumentLiteral,
} from '../../src/index.js';

// What `import pulse from './pulse.json'` gives under resolveJsonModule: every string and number
// widened, and keys the schema does not know (a variable declared without `as const` is typed the same way).
const jsonPulse = {
  id: 'pulse',
  version: '1',
  labels: { de: 'Puls' },
  scale: { min: 1, max: 7 },
  dimensions: [{ id: 'reliability', labels: { en: 'Reliability' }, itemz: [] }],
};

describe('defineInstrument checks a literal at compile time and a JSON import at run time', () => {
  it('accepts a well-formed literal', () => {
    const pulse = defineInstrument({
      $schema: './node_modules/clientele/dist/schemas/instrument.json',
      id: 'pulse',
      version: '1',
      labels: { en: 'Pulse', 'zh-CN': '脉搏调查' },
      scale: { min: 1, max: 7 },
      dimensions: [
        { id: 'reliability', labels: { en: 'Reliability' }, items: [{ id: 'r1', text: { en: 'Keeps promises' } }] },
      ],
    });
    expectTypeOf(pulse).toEqualTypeOf<Instrument>();
  });

  const scale = { min: 1, max: 7 } as const;
  const dimensions = [
    { id: 'reliability', labels: { en: 'Reliability' }, items: [{ id: 'r1', text: { en: 'Keeps promises' } }] },
  ] as const;

  it('rejects a literal with a misspelt key', () => {
    // @ts-expect-error -- `standrad` is not a key of an instrument
    defineInstrument({ id: 'pulse', version: '1', labels: { en: 'Pulse' }, scale, dimensions, standrad: 70 });
  });

  it('rejects a literal whose labels have no `en`', () => {
    // @ts-expect-error -- `en` is the fallback every labels object carries
    defineInstrument({ id: 'pulse', version: '1', labels: { de: 'Puls' }, scale, dimensions });
  });

  it('accepts a JSON import, a record of any keys and a compiled instrument (checked at run time)', () => {
    expectTypeOf(defineInstrument(jsonPulse)).toEqualTypeOf<Instrument>();
    expectTypeOf(defineInstrument(JSON.parse('{}') as Record<string, unknown>)).toEqualTypeOf<Instrument>();
    expectTypeOf(defineInstrument(serviceQualityInstrument)).toEqualTypeOf<Instrument>();
    const literal: InstrumentLiteral = serviceQualityInstrument.toJSON();
    expectTypeOf(defineInstrument(literal)).toEqualTypeOf<Instrument>();
  });
});
