import type { UserApi } from '../../typings/user';
import type { Handlers } from '../_shared/function';
import { adminUserHandlers } from './admin-users';
import { orgHandlers } from './orgs';
import { pointsHandlers } from './points';
import { profileHandlers } from './profile';

export const handlers = {
  ...profileHandlers,
  ...pointsHandlers,
  ...orgHandlers,
  ...adminUserHandlers,
} satisfies Handlers<UserApi>;
