import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { churnReport, deriveSignals, fixKeyAccountList, telecomTierPolicy } from '../../src/index.js';

const LIST = fixKeyAccountList(telecomTierPolicy, [{ id: 'K', tier: 'crystal' }], {
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
});

describe('issue 14 laws', () => {
  test.prop([fc.integer({ min: 0, max: 50 }), fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined })])(
    'singleThreaded is exactly internalContacts ≤ 1, whatever the number of contacts at the client',
    (ours, theirs) => {
      const relationship =
        theirs === undefined ? { internalContacts: ours } : { internalContacts: ours, clientContacts: theirs };
      const signals = deriveSignals({ id: 'X', relationship }, { asOf: '2026-11-01' });
      expect(signals.values.singleThreaded).toBe(ours <= 1);
    },
  );

  test.prop([fc.array(fc.integer({ min: 0, max: 300_000 }), { minLength: 3, maxLength: 3 })])(
    'a listed account keeps its listed tier for any spend inside the list’s period',
    (amounts) => {
      const spend = ['2026-08', '2026-09', '2026-10'].map((period, index) => ({ period, amount: amounts[index]! }));
      const signals = deriveSignals(
        { id: 'K', spend },
        { asOf: '2026-11-01', tierPolicy: telecomTierPolicy, keyAccountList: LIST },
      );
      expect(signals.values.tier).toBe('crystal');
    },
  );

  test.prop([
    fc.array(fc.record({ revenue: fc.integer({ min: 0, max: 1000 }), isNew: fc.boolean(), lost: fc.boolean() }), {
      maxLength: 30,
    }),
  ])('revolving door: base + new = all accounts, net = new − lost, lost = churned', (rows) => {
    const accounts = rows.map((row, index) => ({
      id: `A${index}`,
      revenue: row.revenue,
      ...(row.isNew ? { gainedAt: '2026-02-01' } : {}),
      losses: row.lost ? [{ date: '2026-03-01' }] : [],
    }));
    const report = churnReport(accounts, { from: '2026-01-01', to: '2026-06-30' });
    expect(report.accounts + report.revolvingDoor.newAccounts).toBe(rows.length);
    expect(report.revolvingDoor.netAccounts).toBe(report.revolvingDoor.newAccounts - report.revolvingDoor.lostAccounts);
    expect(report.revolvingDoor.lostAccounts).toBe(report.churnedAccounts);
    expect(report.revolvingDoor.newAccounts).toBe(rows.filter((row) => row.isNew).length);
  });
});
