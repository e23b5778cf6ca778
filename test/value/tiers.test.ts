import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/shared/index.js';
import {
  checkTierPolicy,
  contactCompliance,
  contactPeriodDays,
  defineTierPolicy,
  staffingNeed,
  telecomTierPolicy,
  tierPolicySchema,
} from '../../src/value/index.js';

describe('the telecom tier policy (seed 003, 第6篇)', () => {
  it(
    'key accounts start at 3,000 a month; crystal (水晶) is 3,000–10,000, visited twice a quarter, called ' + 'monthly',
    () => {
      const crystal = telecomTierPolicy.tierFor(3000)!;
      expect(crystal.id).toBe('crystal');
      expect(crystal.tier).toBe('crystal');
      expect(crystal.group).toBe('key-account');
      expect(crystal.labels['zh-CN']).toBe('水晶客户');
      expect(crystal.contact.visits).toEqual({ times: 2, per: 'quarter' });
      expect(crystal.contact.calls).toEqual({ times: 1, per: 'month' });
      expect(crystal.contact.visitEveryDays!.toString()).toBe('45.65625');
      expect(crystal.contact.callEveryDays!.toString()).toBe('30.4375');
      expect(crystal.contact.visitsPerYear.toString()).toBe('8');
      expect(crystal.contact.callsPerYear.toString()).toBe('12');
      expect(telecomTierPolicy.tierFor('9999.99')!.id).toBe('crystal');
      expect(telecomTierPolicy.tierFor(10000)!.id).toBe('key-5');
    },
  );

  it('commercial A/A+ is 1,500–3,000, visited once a quarter, called monthly', () => {
    const top = telecomTierPolicy.tierFor(1500)!;
    expect(top.id).toBe('commercial-a');
    expect(top.labels['zh-CN']).toBe('商业客户A(A+)类');
    expect(top.contact.visitEveryDays!.toString()).toBe('91.3125');
    expect(top.contact.callEveryDays!.toString()).toBe('30.4375');
    expect(telecomTierPolicy.tierFor(2999.99)!.id).toBe('commercial-a');
  });

  it('has six key-account levels and four commercial tiers, highest first', () => {
    const groups = telecomTierPolicy.tiers.map((tier) => tier.group);
    expect(groups.filter((group) => group === 'key-account')).toHaveLength(6);
    expect(groups.filter((group) => group === 'commercial')).toHaveLength(4);
    expect(telecomTierPolicy.tiers.map((tier) => tier.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(telecomTierPolicy.tierFor(1e9)!.id).toBe('key-1');
    expect(telecomTierPolicy.tierFor(99)).toBeNull();
    expect(telecomTierPolicy.tierFor(250)!.contact.visitEveryDays).toBeNull();
  });

  it('has no 鸡头凤尾 inversion of its own', () => {
    expect(checkTierPolicy(telecomTierPolicy)).toEqual({ ok: true, inversions: [] });
  });

  it('round-trips through JSON with the same fingerprint', () => {
    const again = defineTierPolicy(JSON.parse(JSON.stringify(telecomTierPolicy)));
    expect(again.fingerprint).toBe(telecomTierPolicy.fingerprint);
    expect(again.toJSON()).toEqual(telecomTierPolicy.toJSON());
    expect(tierPolicySchema.safeParse(telecomTierPolicy.toJSON()).success).toBe(true);
  });

  it('uses a 365.25-day year', () => {
    expect(contactPeriodDays.month.times(12).toString()).toBe('365.25');
    expect(contactPeriodDays.quarter.times(4).toString()).toBe('365.25');
  });

  it('rejects bad input to tierFor', () => {
    expect(() => telecomTierPolicy.tierFor('lots')).toThrow(ValidationError);
  });
});

describe('checkTierPolicy: the seed’s 鸡头凤尾 (commercial top treated better than the key-account bottom)', () => {
  const definition = telecomTierPolicy.toJSON();

  it('flags a bigger discount for commercial A/A+ than for crystal (seed: "商业客户得到的优惠比当大客户还要多")', () => {
    const discounted = defineTierPolicy({
      ...definition,
      tiers: definition.tiers.map((tier) =>
        tier.id === 'commercial-a'
          ? { ...tier, discount: 0.2 }
          : tier.id === 'crystal'
            ? { ...tier, discount: 0.1 }
            : tier,
      ),
    });
    const check = checkTierPolicy(discounted);
    expect(check.ok).toBe(false);
    const pairs = check.inversions.map(
      (inversion) => `${inversion.kind}: ${inversion.lowerTier} > ${inversion.higherTier}`,
    );
    // tiers without a stated discount are not compared
    expect(pairs).toEqual(['discount: commercial-a > crystal']);
    const crystal = check.inversions.find((inversion) => inversion.higherTier === 'crystal')!;
    expect(crystal.lowerValue.toString()).toBe('0.2');
    expect(crystal.higherValue.toString()).toBe('0.1');
    expect(crystal.message['zh-CN']).toMatch(/商业客户A\(A\+\)类/);
  });

  it('flags a stricter visit standard for the lower tier', () => {
    const inverted = defineTierPolicy({
      ...definition,
      tiers: definition.tiers.map((tier) =>
        tier.id === 'commercial-a' ? { ...tier, visits: { times: 1, per: 'month' } } : tier,
      ),
    });
    const check = checkTierPolicy(inverted);
    expect(
      check.inversions.map((inversion) => `${inversion.kind}: ${inversion.lowerTier} > ${inversion.higherTier}`),
    ).toEqual(['visits: commercial-a > crystal']);
  });

  it('equal treatment is not an inversion', () => {
    const equal = defineTierPolicy({
      ...definition,
      tiers: definition.tiers.map((tier) =>
        tier.id === 'commercial-a' ? { ...tier, visits: { times: 2, per: 'quarter' } } : tier,
      ),
    });
    expect(checkTierPolicy(equal).ok).toBe(true);
  });
});

describe('defineTierPolicy validation', () => {
  const labels = { en: 'x', 'zh-CN': 'x' };
  it('rejects overlapping bands, max ≤ min, duplicate ids and bad frequencies', () => {
    const cases: [unknown, string][] = [
      [
        {
          id: 'p',
          version: '1',
          tiers: [
            { id: 'a', labels, minMonthlySpend: 0, maxMonthlySpend: 100 },
            { id: 'b', labels, minMonthlySpend: 50 },
          ],
        },
        'tiers[1].minMonthlySpend',
      ],
      [
        { id: 'p', version: '1', tiers: [{ id: 'a', labels, minMonthlySpend: 100, maxMonthlySpend: 100 }] },
        'tiers[0].maxMonthlySpend',
      ],
      [
        {
          id: 'p',
          version: '1',
          tiers: [
            { id: 'a', labels, minMonthlySpend: 0, maxMonthlySpend: 10 },
            { id: 'a', labels, minMonthlySpend: 10 },
          ],
        },
        'tiers[1].id',
      ],
      [
        { id: 'p', version: '1', tiers: [{ id: 'a', labels, minMonthlySpend: 0, visits: { times: 0, per: 'month' } }] },
        'tiers[0].visits.times',
      ],
      [
        {
          id: 'p',
          version: '1',
          tiers: [{ id: 'a', labels, minMonthlySpend: 0, calls: { times: 1, per: 'fortnight' } }],
        },
        'tiers[0].calls.per',
      ],
      [{ id: 'p', version: '1', tiers: [{ id: 'a', labels, minMonthlySpend: 0, discount: 1 }] }, 'tiers[0].discount'],
      [{ id: 'p', version: '1', tiers: [{ id: 'a', minMonthlySpend: 0 }] }, 'tiers[0].labels'],
      [{ id: 'p', version: '1', tiers: [{ id: '__proto__', labels, minMonthlySpend: 0 }] }, 'tiers[0].id'],
    ];
    for (const [definition, path] of cases) {
      try {
        defineTierPolicy(definition as never);
        expect.unreachable(JSON.stringify(definition));
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues.map((issue) => issue.path)).toContain(path);
      }
    }
  });
});

describe('contactCompliance (seed 003: "实际上难以达到以上走访标准")', () => {
  const accounts = [
    { id: 'crystal-late', monthlySpend: 5000, lastVisit: '2026-08-01', lastCall: '2026-10-20' },
    { id: 'crystal-ok', tier: 'crystal', lastVisit: '2026-10-01', lastCall: '2026-10-02' },
    { id: 'crystal-never', monthlySpend: 8000, lastCall: '2026-10-31' },
    { id: 'small', monthlySpend: 50 },
    { id: 'bad-date', monthlySpend: 5000, lastVisit: '2026-13-01' },
    { id: 'future', monthlySpend: 5000, lastVisit: '2026-12-01' },
    { id: 'unknown-tier', tier: 'platinum' },
  ];
  const report = contactCompliance(telecomTierPolicy, accounts, { asOf: '2026-11-01' });

  it('checks each account’s visits and calls against its tier', () => {
    const late = report.results[0]!;
    expect(late.tier).toBe('crystal');
    expect(late.visit.status).toBe('overdue');
    expect(late.visit.daysSince!.toString()).toBe('92');
    expect(late.visit.overdueDays!.toString()).toBe('46.34375');
    expect(late.visit.dueBy).toBe('2026-09-15');
    expect(late.call.status).toBe('ok');
    expect(late.overdue).toBe(true);
    expect(report.results[1]!.overdue).toBe(false);
    expect(report.results[2]!.visit.status).toBe('never');
    expect(report.results[3]).toMatchObject({ tier: null, overdue: false, visit: { status: 'not-required' } });
  });

  it('reports bad records and loses nothing', () => {
    expect(report.results.map((result) => result.id)).toEqual(['crystal-late', 'crystal-ok', 'crystal-never', 'small']);
    expect(report.errors.map((error) => [error.index, error.id, error.issues[0]!.path])).toEqual([
      [4, 'bad-date', 'lastVisit'],
      [5, 'future', 'lastVisit'],
      [6, 'unknown-tier', 'tier'],
    ]);
  });

  it('summarises per tier', () => {
    expect(report.summary).toMatchObject({ accounts: 4, untiered: 1, compliant: 2, overdueVisits: 2, overdueCalls: 0 });
    expect(report.summary.byTier.find((tier) => tier.tier === 'crystal')).toEqual({
      tier: 'crystal',
      accounts: 3,
      overdueVisits: 2,
      overdueCalls: 0,
    });
  });

  it('exactly the interval is still on time', () => {
    const policy = defineTierPolicy({
      id: 'p',
      version: '1',
      tiers: [
        { id: 'weekly', labels: { en: 'w', 'zh-CN': 'w' }, minMonthlySpend: 0, calls: { times: 1, per: 'week' } },
      ],
    });
    const onTime = contactCompliance(policy, [{ id: 'a', monthlySpend: 1, lastCall: '2026-10-25' }], {
      asOf: '2026-11-01',
    });
    expect(onTime.results[0]!.call.status).toBe('ok');
    const late = contactCompliance(policy, [{ id: 'a', monthlySpend: 1, lastCall: '2026-10-24T23:00:00Z' }], {
      asOf: '2026-11-01',
    });
    expect(late.results[0]!.call.status).toBe('overdue');
  });

  it('throws only for bad arguments', () => {
    expect(() => contactCompliance(telecomTierPolicy, [], { asOf: 'soon' })).toThrow(/asOf/);
    expect(() => contactCompliance({} as never, [], { asOf: '2026-11-01' })).toThrow(/policy/);
  });
});

describe('staffingNeed (seed 003: ~9 key accounts per manager; ~75 at a mid-size firm, ~250 at Xerox)', () => {
  it('a mid-size firm’s 75 key accounts need 9 managers (75 / 9 = 8.33)', () => {
    const result = staffingNeed(telecomTierPolicy, { crystal: 75 });
    expect(result.ratio).toMatchObject({ accounts: 75, managers: 9 });
    expect(result.managers).toBe(9);
    // 75 crystal accounts: 600 visits and 900 calls a year → 600·3 + 900·0.25 = 2,025 hours
    expect(result.visitsPerYear.toString()).toBe('600');
    expect(result.callsPerYear.toString()).toBe('900');
    expect(result.hours.toString()).toBe('2025');
  });

  it('Xerox’s ~250 key accounts need 28 managers', () => {
    expect(staffingNeed(telecomTierPolicy, { 'key-1': 50, 'key-3': 100, crystal: 100 }).ratio!.managers).toBe(28);
  });

  it('the workload decides when contacts and account work outgrow the ratio', () => {
    const result = staffingNeed(telecomTierPolicy, { crystal: 9 }, { hoursPerAccount: { crystal: 400 } });
    // 9 × (8·3 + 12·0.25 + 400) = 3,843 hours → 2.4 managers → 3
    expect(result.hours.toString()).toBe('3843');
    expect(result.managers).toBe(3);
    expect(staffingNeed(telecomTierPolicy, { 'commercial-a': 90 }).ratio!.accounts).toBe(0);
    expect(staffingNeed(telecomTierPolicy, { 'commercial-a': 90 }, { ratioGroup: null }).managers).toBe(10);
    expect(staffingNeed(telecomTierPolicy, { crystal: 90 }, { accountsPerManager: null }).ratio).toBeNull();
  });

  it('rejects unknown tiers and bad counts', () => {
    expect(() => staffingNeed(telecomTierPolicy, { platinum: 3 })).toThrow(/counts\.platinum/);
    expect(() => staffingNeed(telecomTierPolicy, { crystal: 2.5 })).toThrow(/counts\.crystal/);
    expect(() => staffingNeed(telecomTierPolicy, { crystal: 2 }, { hoursPerManager: 0 })).toThrow(/hoursPerManager/);
  });
});
