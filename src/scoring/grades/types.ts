import type { Decimal } from 'decimal.js';
import type { Labels } from '../../shared/labels.js';
import type { ModelIdentity } from '../../shared/model.js';
import type { Interval } from '../intervals.js';

/** One compiled grade. @category Grades */
export interface GradeBand {
  readonly id: string;
  readonly labels: Labels;
  readonly interval: Interval;
  /** 0 for the best grade, 1 for the next, … */
  readonly rank: number;
}

/** Compiled, frozen grade bands (`defineGradeBands`). @category Grades */
export interface GradeBands extends ModelIdentity<'gradeBands', NormalisedGradeBands> {
  readonly labels: Labels | undefined;
  readonly domain: Interval;
  /** Best first, as defined. */
  readonly bands: readonly GradeBand[];
  /** Grade ids, best first. */
  readonly grades: readonly string[];
}

/** The normalised JSON form of grade bands. @category Grades */
export interface NormalisedGradeBands {
  id: string;
  version: string;
  labels?: Labels;
  domain: string;
  bands: { id: string; labels: Labels; interval: string }[];
}

/** Where a total sits relative to the grade above it. @category Grades */
export interface NextGrade {
  /** The next better grade's id. */
  readonly grade: string;
  /** Points from the total to that grade's lower edge. */
  readonly points: Decimal;
  /** `true` when reaching the edge is enough (`[`), `false` when the total must exceed it (`(`). */
  readonly edgeInclusive: boolean;
}
