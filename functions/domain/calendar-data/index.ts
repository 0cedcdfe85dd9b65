import type { CalendarYearRecord } from '../calendar';
import year2024 from './2024.json';
import year2025 from './2025.json';
import year2026 from './2026.json';

/**
 * Official State Council holiday notices, one JSON record per year.
 * To add a year: drop `<year>.json` into this folder and add its import and one entry below.
 */
export const officialCalendarYears: readonly CalendarYearRecord[] = [year2024, year2025, year2026];
