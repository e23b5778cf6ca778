import { defineInstrument, type InstrumentDefinition } from '../../src/index.js';

const text = (en: string): { en: string; 'zh-CN': string } => ({ en, 'zh-CN': `${en}(中文)` });

/** A small instrument for hand-checked examples: two dimensions of three items on 1–5. */
export const smallDefinition: InstrumentDefinition = {
  id: 'small',
  version: '1',
  labels: text('Small survey'),
  scale: { min: 1, max: 5 },
  dimensions: [
    {
      id: 'reliability',
      labels: { en: 'Reliability', 'zh-CN': '守信' },
      items: [
        { id: 'r1', text: text('Keeps promises'), expectation: { id: 'r1.e', text: text('Should keep promises') } },
        {
          id: 'r2',
          text: text('Same quote from everyone'),
          expectation: { id: 'r2.e', text: text('Should quote consistently') },
        },
        { id: 'r3', text: text('Surprise charges'), reverse: true },
      ],
    },
    {
      id: 'attitude',
      labels: { en: 'Attitude', 'zh-CN': '态度' },
      items: [
        { id: 'a1', text: text('Courteous'), expectation: { id: 'a1.e', text: text('Should be courteous') } },
        { id: 'a2', text: text('Client first'), expectation: { id: 'a2.e', text: text('Should put clients first') } },
        { id: 'a3', text: text('Back office helps') },
      ],
    },
  ],
  importance: { kind: 'points', values: { reliability: 75, attitude: 25 } },
  groups: [
    { id: 'external-client', labels: { en: 'External client', 'zh-CN': '外部客户' } },
    { id: 'internal-customer', labels: { en: 'Internal customer', 'zh-CN': '内部客户' } },
  ],
};

export const small = defineInstrument(smallDefinition);
