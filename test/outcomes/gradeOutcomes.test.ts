import { describe, expect, it } from 'vitest';
import { gradeOutcomes, ValidationError } from '../../src/outcomes/index.js';

describe('gradeOutcomes', () => {
  it('gives the Wilson interval of Newcombe (1998), Table I: 81 of 263 → 0.2553 to 0.3662', () => {
    const grades = Array.from({ length: 263 }, () => 'A');
    const outcomes = grades.map((_, i) => (i < 81 ? 1 : 0));
    const row = gradeOutcomes(grades, outcomes).rows[0]!;
    expect(row.interval.lower.toFixed(4)).toBe('0.2553');
    expect(row.interval.upper.toFixed(4)).toBe('0.3662');
  });

  it('tallies each grade with its rate, share of events, cumulative capture and lift', () => {
    const result = gradeOutcomes(['A', 'B', 'A', 'C', 'B', 'C', 'C', 'D'], [0, 0, 0, 1, 1, 1, 0, 1]);
    expect(result.rows.map((row) => [row.grade, row.count, row.events, row.rate.toString()])).toEqual([
      ['A', 2, 0, '0'],
      ['B', 2, 1, '0.5'],
      ['C', 3, 2, `0.${'6'.repeat(39)}7`],
      ['D', 1, 1, '1'],
    ]);
    // 4 events of 8: B holds 1/4 of them, A+B+C 3/4; C's lift is (2/3)/(1/2)
    expect(result.rows[1]!.eventShare!.toString()).toBe('0.25');
    expect(result.rows[2]!.cumulativeCapture!.toString()).toBe('0.75');
    expect(result.rows[2]!.lift!.toString()).toBe(`1.${'3'.repeat(39)}`);
    expect(result.monotonic).toBe('increasing');
  });

  it('flags a reversal of the rate across grades', () => {
    const result = gradeOutcomes(['A', 'A', 'B', 'B', 'C', 'C'], [0, 1, 1, 1, 0, 1]);
    expect(result.monotonic).toBe(false);
    expect(result.inversions).toEqual([{ from: 'B', to: 'C' }]);
  });

  it('orders churn levels by severity and reads results by grade, level or customerClass', () => {
    const result = gradeOutcomes(
      [{ level: 'critical' }, { level: 'none' }, { level: 'watch' }, { grade: 'none' }],
      [1, 0, 0, 0],
    );
    expect(result.rows.map((row) => row.grade)).toEqual(['none', 'watch', 'critical']);
    const classes = gradeOutcomes(
      [{ customerClass: 'key' }, { customerClass: 'develop' }, { customerClass: 'key' }],
      [0, 1, 0],
      { order: ['key', 'develop'] },
    );
    expect(classes.rows.map((row) => [row.grade, row.count])).toEqual([
      ['key', 2],
      ['develop', 1],
    ]);
    const given = gradeOutcomes(['x', 'y', 'z'], [1, 0, 0], { order: ['z', 'y'] });
    expect(given.rows.map((row) => row.grade)).toEqual(['z', 'y', 'x']);
  });

  it('rejects a missing grade and a bad outcome with its path', () => {
    expect(() => gradeOutcomes(['A', 7], [0, 1])).toThrow(/grades\[1\]/);
    expect(() => gradeOutcomes(['A', 'B'], [0, 'yes'])).toThrow(ValidationError);
  });
});
