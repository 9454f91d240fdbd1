// Sign-up counters must equal the records (a crash between the engine's two
// writes leaves one off by one): see the engine's recount.ts.
import type { SignUpRecountReport } from '../../../typings/signup';
import { recountSignUps as recount } from '../../_shared/engines/signup/recount';

export function recountSignUps(now: Date, settle: () => Promise<void>): Promise<SignUpRecountReport> {
  return recount(now, settle);
}
