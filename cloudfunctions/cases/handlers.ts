import type { CasesApi } from '../../typings/cases';
import type { Handlers } from '../_shared/function';
import { reportHandlers } from './handlers/reports';
import { publicHandlers } from './handlers/public';
import { raiserHandlers } from './handlers/raiser';
import { workbenchHandlers } from './handlers/workbench';

export const handlers = {
  ...raiserHandlers,
  ...publicHandlers,
  ...workbenchHandlers,
  ...reportHandlers,
} satisfies Handlers<CasesApi>;
