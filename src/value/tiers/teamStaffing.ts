import { fail, joinPath } from '../../shared/errors.js';
import type { Labels } from '../../shared/labels.js';
import { readObject } from '../internal/read.js';
import { readInput } from '../../shared/input.js';
import { withDisplay } from '../../shared/display.js';

/** An account-team role. @category Tiers */
export type TeamRole = 'director' | 'manager' | 'executive';

/**
 * Labels of the roles (seed 001: 客户总监, 客户经理, 客户执行).
 * @example
 * ```ts
 * import { teamRoleLabels } from 'clientele';
 * teamRoleLabels.director['zh-CN']; // '客户总监'
 * ```
 * @category Tiers
 */
export const teamRoleLabels: Readonly<Record<TeamRole, Labels>> = /* @__PURE__ */ Object.freeze({
  director: Object.freeze({ en: 'Account director', 'zh-CN': '客户总监' }),
  manager: Object.freeze({ en: 'Account manager', 'zh-CN': '客户经理' }),
  executive: Object.freeze({ en: 'Account executive', 'zh-CN': '客户执行' }),
});

/** People of each role one account (one brand) of a class needs: a range `[min, max]`. @category Tiers */
export type TeamTemplate = Readonly<Record<TeamRole, readonly [number, number]>>;

/**
 * Team templates per value class. `A` (high-value) is seed 001's: "各配备一个客户总监 + 1–2 个客户经理 +
 * 1–3 个客户执行" for each brand of a high-value client. The seed gives no team for the other classes;
 * ours: `B` one manager and one executive, `C` half a manager (two accounts share one) and one
 * executive, `D` a quarter of a manager and half an executive.
 * @example
 * ```ts
 * import { defaultTeamTemplates } from 'clientele';
 * defaultTeamTemplates.A?.executive; // [1, 3]
 * ```
 * @category Tiers
 */
export const defaultTeamTemplates: Readonly<Record<string, TeamTemplate>> = /* @__PURE__ */ Object.freeze({
  A: Object.freeze({ director: [1, 1] as const, manager: [1, 2] as const, executive: [1, 3] as const }),
  B: Object.freeze({ director: [0, 0] as const, manager: [1, 1] as const, executive: [1, 1] as const }),
  C: Object.freeze({ director: [0, 0] as const, manager: [0.5, 0.5] as const, executive: [1, 1] as const }),
  D: Object.freeze({ director: [0, 0] as const, manager: [0.25, 0.25] as const, executive: [0.5, 0.5] as const }),
});

/** People needed per role: the template's minimum and maximum summed over accounts, rounded up. @category Tiers */
export interface TeamStaffing {
  readonly byRole: readonly {
    readonly role: TeamRole;
    readonly labels: Labels;
    readonly min: number;
    readonly max: number;
  }[];
  readonly byClass: readonly { readonly customerClass: string; readonly accounts: number }[];
}

const ROLES: readonly TeamRole[] = ['director', 'manager', 'executive'];

/**
 * Account teams by role for a portfolio (seed 001: a high-value brand gets 1 客户总监 + 1–2 客户经理 +
 * 1–3 客户执行; many agencies "为了节省人力资源,会删减这两个职位", which the seed warns against). Needed
 * people per role = ⌈Σ accounts × template min⌉ to ⌈Σ accounts × template max⌉.
 *
 * @param counts - Accounts (brands) per value class id, e.g. `{ A: 3, B: 10 }`.
 * @param templates - Team template per class; default {@link defaultTeamTemplates}.
 * @throws {ValidationError} for a class without a template or a count that is not a whole number ≥ 0.
 * @example
 * ```ts
 * import { teamStaffing } from 'clientele';
 * const lines = teamStaffing({ A: 3 }).byRole.map((line) => `${line.role} ${line.min}–${line.max}`);
 * lines; // ['director 3–3', 'manager 3–6', 'executive 3–9']
 * ```
 * @category Tiers
 */
export function teamStaffing(
  givenCounts: Readonly<Record<string, number>>,
  givenTemplates: Readonly<Record<string, TeamTemplate>> = defaultTeamTemplates,
): TeamStaffing {
  const context = 'teamStaffing';
  const counts = readObject(readInput(givenCounts, 'counts', context), 'counts', context);
  const templates = readObject(readInput(givenTemplates, 'templates', context), 'templates', context) as Record<
    string,
    TeamTemplate
  >;
  const sums = { director: [0, 0], manager: [0, 0], executive: [0, 0] } as Record<TeamRole, [number, number]>;
  const byClass: { customerClass: string; accounts: number }[] = [];
  for (const key of Object.keys(counts)) {
    const count = counts[key];
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0)
      fail(joinPath('counts', key), 'a whole number ≥ 0', count, context);
    const template = Object.prototype.hasOwnProperty.call(templates, key) ? templates[key] : undefined;
    if (template === undefined)
      fail(
        joinPath('counts', key),
        `a class with a team template (${Object.keys(templates).join(', ')})`,
        key,
        context,
      );
    for (const role of ROLES) {
      const range = template[role];
      if (
        !Array.isArray(range) ||
        range.length !== 2 ||
        !range.every((n) => typeof n === 'number' && n >= 0 && Number.isFinite(n)) ||
        range[0]! > range[1]!
      ) {
        fail(joinPath(joinPath('templates', key), role), 'a range [min, max] of people ≥ 0', range, context);
      }
      sums[role][0] += count * range[0]!;
      sums[role][1] += count * range[1]!;
    }
    byClass.push({ customerClass: key, accounts: count });
  }
  // sums of quarters and halves are exact in binary; ceil gives whole people
  return withDisplay(
    {
      byRole: ROLES.map((role) => ({
        role,
        labels: teamRoleLabels[role],
        min: Math.ceil(sums[role][0]),
        max: Math.ceil(sums[role][1]),
      })),
      byClass,
    },
    'Team staffing',
  );
}
