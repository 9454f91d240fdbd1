// The `user` cloud function: accounts, registration, roles, organisations, points.
import { createFunction } from '../_shared/function';
import { handlers } from './handlers';

export const main = createFunction('user', handlers);
