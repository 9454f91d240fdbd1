// The case engine's pure rules: when the scheduler's stages fall due, the live
// flags, what the public board masks, percentiles.
import { maskPersonal, percentile, stageTimes } from '../../cloudfunctions/_shared/engines/cases/rules';

const bj = (s: string) => new Date(`${s}+08:00`);

it('stages fall at 09:00 on their working days: the day before, the day after, 5 working days after', () => {
  // Due Tuesday 13 October 2026 (after National Day).
  expect(stageTimes(bj('2026-10-13T23:59:59.999'))).toEqual({
    reminder: bj('2026-10-12T09:00:00'),
    overdue: bj('2026-10-14T09:00:00'),
    escalation: bj('2026-10-20T09:00:00'),
  });
  // Due Thursday 8 October: the working day before is 30 September, across the holiday.
  expect(stageTimes(bj('2026-10-08T23:59:59.999')).reminder).toEqual(bj('2026-09-30T09:00:00'));
  // Due Friday 11 December: the overdue notice comes on Monday.
  expect(stageTimes(bj('2026-12-11T23:59:59.999')).overdue).toEqual(bj('2026-12-14T09:00:00'));
});

it('masks phone numbers, long digit runs and the raiser’s name on the public board', () => {
  expect(maskPersonal('王小明师傅（13912345678）反映车牌12345678', ['王小明'])).toBe(
    '王**师傅（139********）反映车牌123*****',
  );
  expect(maskPersonal('井盖缺失', [''])).toBe('井盖缺失');
});

it('percentiles are nearest-rank', () => {
  expect(percentile([], 50)).toBeNull();
  expect(percentile([1, 26, 192], 50)).toBe(26);
  expect(percentile([1, 26, 192], 90)).toBe(192);
  expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
});
