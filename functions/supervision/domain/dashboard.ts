import type { CounterRow } from './ports';
import { levelFields } from './counters';

/**
 * Figures for the supervision office from counter rows, pure. Rates are fractions rounded to 4 places,
 * null when nothing was counted. The satisfaction rate (满意率) counts 非常满意, 满意 and 基本满意.
 */
const rate = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);
const average = (sum: number, count: number): number | null => (count > 0 ? Math.round((sum / count) * 100) / 100 : null);
const value = (row: CounterRow | undefined, field: string): number => Number(row?.values[field] ?? 0);

export function satisfactionOf(row: CounterRow | undefined) {
  const total = value(row, 'reviews');
  const distribution = Object.fromEntries(Object.keys(levelFields).map((level) => [level, value(row, `reviews#${levelFields[level]}`)]));
  return { reviews: total, distribution, satisfactionRate: rate(value(row, 'satisfied'), total) };
}

function caseFigures(row: CounterRow | undefined) {
  const finished = value(row, 'finished');
  return {
    accepted: value(row, 'accepted'),
    refused: value(row, 'refused'),
    finished,
    denied: value(row, 'denied'),
    onTime: value(row, 'onTime'),
    onTimeRate: rate(value(row, 'onTime'), finished),
    averageHandlingWorkingDays: average(value(row, 'handlingDays'), finished),
    averagePromisedWorkingDays: average(value(row, 'promisedDays'), finished),
    escalations: value(row, 'escalations'),
    escalationsByRung: escalationsByRungOf(row),
  };
}

/** The escalations of the period by rung (`escalations#<rung>` fields): 1 the yellow reminder, 2 and up 督办. */
function escalationsByRungOf(row: CounterRow | undefined): Record<string, number> {
  const byRung: Record<string, number> = {};
  for (const [field, raw] of Object.entries(row?.values ?? {})) {
    if (field.startsWith('escalations#') && Number(raw) > 0) byRung[field.slice('escalations#'.length)] = Number(raw);
  }
  return byRung;
}

export interface Lights {
  readonly open: number;
  readonly green: number;
  readonly yellow: number;
  readonly red: number;
  readonly suspended: number;
  readonly unknown: number;
}

/**
 * Open cases (or entries) by light today, from the gauge's `<prefix>#<deadlineDate>#<yellowFromDate>`
 * counts: red once today is past the deadline date, yellow from the yellow date, green before.
 */
export function lightsOf(gauge: CounterRow | undefined, prefix: 'open' | 'rect', today: string): Lights {
  const lights = { open: 0, green: 0, yellow: 0, red: 0, suspended: prefix === 'open' ? value(gauge, 'suspended') : 0, unknown: 0 };
  for (const [field, raw] of Object.entries(gauge?.values ?? {})) {
    const count = Number(raw);
    if (!field.startsWith(`${prefix}#`) || !count) continue;
    const [, deadline, yellowFrom] = field.split('#') as [string, string, string | undefined];
    if (deadline === 'unknown' || !yellowFrom) lights.unknown += count;
    else if (today > deadline) lights.red += count;
    else if (today >= yellowFrom) lights.yellow += count;
    else lights.green += count;
  }
  lights.open = lights.green + lights.yellow + lights.red + lights.suspended + lights.unknown;
  return lights;
}

export interface DashboardInput {
  readonly period: readonly CounterRow[];
  readonly gauge: readonly CounterRow[];
  readonly today: string;
}

export function dashboardOf(input: DashboardInput) {
  const total = input.period.find((row) => row.row === 'TOTAL');
  const gaugeTotal = input.gauge.find((row) => row.row === 'TOTAL');
  const rows = (prefix: string) => input.period.filter((row) => row.row.startsWith(prefix)).sort((a, b) => a.row.localeCompare(b.row));
  const openRectificationsByDept = new Map(input.gauge.filter((row) => row.row.startsWith('DEPT#')).map((row) => [row.row.slice(5), value(row, 'rectOpen')]));
  const rectLights = lightsOf(gaugeTotal, 'rect', input.today);
  return {
    casesByLight: lightsOf(gaugeTotal, 'open', input.today),
    cases: caseFigures(total),
    satisfaction: satisfactionOf(total),
    rectifications: {
      opened: value(total, 'rectOpened'),
      complaints: value(total, 'complaints'),
      closed: value(total, 'rectClosed'),
      closedOnTime: value(total, 'rectClosedOnTime'),
      unfixable: value(total, 'rectUnfixable'),
      open: rectLights.open,
      openByLight: { green: rectLights.green, yellow: rectLights.yellow, red: rectLights.red, unknown: rectLights.unknown },
    },
    departments: rows('DEPT#').map((row) => ({
      deptId: row.row.slice(5),
      tasksDecided: value(row, 'decided'),
      tasksOnTime: value(row, 'decidedOnTime'),
      onTimeRate: rate(value(row, 'decidedOnTime'), value(row, 'decided')),
      escalations: value(row, 'escalations'),
      satisfaction: satisfactionOf(row),
      rectificationsOpened: value(row, 'rectOpened'),
      rectificationsOpenNow: openRectificationsByDept.get(row.row.slice(5)) ?? 0,
    })),
    items: rows('ITEM#').map((row) => ({ itemCode: row.row.slice(5), ...caseFigures(row), satisfaction: satisfactionOf(row) })),
  };
}

export function staffMonthOf(row: CounterRow | undefined) {
  const handled = value(row, 'decided');
  return {
    casesHandled: handled,
    onTime: value(row, 'decidedOnTime'),
    onTimeRate: rate(value(row, 'decidedOnTime'), handled),
    ...satisfactionOf(row),
  };
}
