/**
 * Complaints by topic, channel and severity. Seed 000_314cca147d0dd30a.txt: "开通“广告客户埋怨信箱”,定期设置
 * 由广告部门负责人接待旳“广告客户投诉曰”,并建立微机速查管理系统,对客户旳投诉信息进行记录分析" — several
 * channels (mailbox, complaint day) and complaints recorded for analysis.
 */
import { describe, expect, it } from 'vitest';
import { measureComplaints } from '../../src/quality/index.js';

describe('measureComplaints breakdown (seed 000, 记录分析)', () => {
  const complaints = [
    { id: 1, openedAt: '2026-10-01', resolvedAt: '2026-10-03', topic: 'billing', channel: 'mailbox', severity: 'low' },
    {
      id: 2,
      openedAt: '2026-10-01',
      resolvedAt: '2026-10-20',
      topic: 'billing',
      channel: 'complaint-day',
      severity: 'high',
    },
    { id: 3, openedAt: '2026-10-20', topic: 'placement', channel: 'mailbox', severity: 'high' },
    { id: 4, openedAt: '2026-10-30', topic: 'billing' },
  ];
  const { breakdown, errors } = measureComplaints(complaints, { asOf: '2026-11-01', slaDays: 7 });

  it('counts complaints, open ones and SLA breaches per topic, most frequent first', () => {
    expect(errors).toEqual([]);
    expect(breakdown.byTopic).toEqual([
      { key: 'billing', total: 3, open: 1, breachedSla: 1 },
      { key: 'placement', total: 1, open: 1, breachedSla: 1 },
    ]);
  });

  it('per channel (the mailbox and the complaint day) and per severity, with unrecorded values as unspecified', () => {
    expect(breakdown.byChannel.map((line) => [line.key, line.total])).toEqual([
      ['mailbox', 2],
      ['complaint-day', 1],
      ['unspecified', 1],
    ]);
    expect(breakdown.bySeverity.map((line) => [line.key, line.total, line.open])).toEqual([
      ['high', 2, 1],
      ['low', 1, 0],
      ['unspecified', 1, 1],
    ]);
  });

  it('a topic that is not a string is that complaint’s error, and the others still count', () => {
    const result = measureComplaints([...complaints, { id: 5, openedAt: '2026-10-01', topic: 42 }], {
      asOf: '2026-11-01',
    });
    expect(result.errors.map((error) => error.id)).toEqual(['5']);
    expect(result.breakdown.byTopic.reduce((sum, line) => sum + line.total, 0)).toBe(4);
  });
});
