// The `roundtable` cloud function: 小哥圆桌会, skills-training classes and the
// stations' community activities — one event record (`Meeting`, by kind) on the
// shared sign-up engine (seats, waitlist, questions, check-in codes, reminders).
import type { RoundtableApi } from '../../typings/roundtable';
import { createFunction } from '../_shared/function';
import { handlers } from './handlers';

export const main = createFunction<RoundtableApi>('roundtable', handlers);
