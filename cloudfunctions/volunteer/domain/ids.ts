// Record ids the team makes: a prefix and 12 random hex digits (id() accepts them).
import { randomBytes } from 'node:crypto';

export const randomId = (prefix: string) => `${prefix}${randomBytes(6).toString('hex')}`;
