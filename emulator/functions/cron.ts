// CloudBase timer crons have seven fields (second minute hour day month weekday
// year) and run in UTC+8. cron-parser knows six (no year), so the year is dropped
// when it is `*`; anything else would be silently wrong here, so it is refused.
import { CronExpressionParser } from 'cron-parser';

/** CloudBase evaluates timer triggers in China Standard Time. */
export const TIMER_TIME_ZONE = 'Asia/Shanghai';

/** Converts a 7-field CloudBase cron to cron-parser's 6 fields; throws a readable Error if it is not usable. */
export function toSixFieldCron(cron: string): string {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 7) {
    throw new Error(
      `cron "${cron}" must have 7 fields (second minute hour day month weekday year), it has ${fields.length}`,
    );
  }
  if (fields[6] !== '*') {
    throw new Error(`cron "${cron}": the emulator only supports "*" in the 7th (year) field`);
  }
  const six = fields.slice(0, 6).join(' ');
  try {
    CronExpressionParser.parse(six, { tz: TIMER_TIME_ZONE });
  } catch (err) {
    throw new Error(`cron "${cron}" is not valid: ${(err as Error).message}`);
  }
  return six;
}

/** The first fire time strictly after `after`, in epoch ms. */
export function nextFireTime(sixFieldCron: string, after: Date): number {
  return CronExpressionParser.parse(sixFieldCron, { tz: TIMER_TIME_ZONE, currentDate: after }).next().getTime();
}
