// The `user` cloud function: accounts, registration, roles, organisations, points.
import type { UserApi } from '../../typings/user';
import { createFunction } from '../_shared/function';
import { handlers } from './handlers';

export const main = createFunction<UserApi>('user', handlers);
