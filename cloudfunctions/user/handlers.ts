import type { UserApi } from '../../typings/user';
import type { Handlers } from '../_shared/function';
import { adminUserHandlers } from './handlers/admin-users';
import { dashboardHandlers } from './handlers/dashboard';
import { orgHandlers } from './handlers/orgs';
import { pointsHandlers } from './handlers/points';
import { profileHandlers } from './handlers/profile';

export const handlers = {
  ...profileHandlers,
  ...pointsHandlers,
  ...orgHandlers,
  ...adminUserHandlers,
  ...dashboardHandlers,
} satisfies Handlers<UserApi>;
