import type { UserApi } from '../../typings/user';
import { createApi } from './api';

/** The `user` cloud function: accounts, registration, roles, organisations, points. */
export const userApi = createApi<UserApi>('user');
