// CloudBase timer crons have seven fields: second minute hour day month weekday
// year. The first six are checked with cron-parser; the year alone by its syntax
// (CloudBase accepts 1970–2099 with , - * /).
import { CronExpressionParser } from 'cron-parser';

const YEAR_ITEM = /^(\*|(\d{4})(?:-(\d{4}))?)(?:\/[1-9]\d*)?$/;

/** Why a 7-field CloudBase cron is not valid, or null when it is. */
export function cronProblem(cron: string): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 7) {
    return `cron "${cron}" must have 7 fields (second minute hour day month weekday year), it has ${fields.length}`;
  }
  try {
    CronExpressionParser.parse(fields.slice(0, 6).join(' '));
  } catch (err) {
    return `cron "${cron}" is not valid: ${(err as Error).message}`;
  }
  if (!fields[6]!.split(',').every(isYearItem)) {
    return `cron "${cron}": the year field must be *, or years 1970–2099 with , - and /`;
  }
  return null;
}

function isYearItem(item: string): boolean {
  const m = YEAR_ITEM.exec(item);
  if (!m) return false;
  const years = [m[2], m[3]].filter((y): y is string => y !== undefined).map(Number);
  return years.every((y) => y >= 1970 && y <= 2099);
}
