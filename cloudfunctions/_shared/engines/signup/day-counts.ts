// Moves the dashboard's daily counters after booking writes (stats.ts says by how
// much). Never throws: the booking's write has happened, and the scheduler's
// recount repairs a lost increment.
import { recordStats } from '../../stores/daily-stats';
import type { BookingDoc } from '../../stores/signup-events';
import { type BookingMove, movesContributions } from './stats';

/** Counts writes on bookings, each given by the booking it answered; writes that cancel out cost nothing. */
export async function countMoves(moves: [BookingDoc, BookingMove][], now: Date): Promise<void> {
  if (!moves.length) return;
  const { before, after } = movesContributions(moves);
  await recordStats(before, after, now);
}

export const countMove = (after: BookingDoc, move: BookingMove, now: Date) => countMoves([[after, move]], now);
