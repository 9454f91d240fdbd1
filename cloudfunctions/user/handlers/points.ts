// "My points": the balance and the ledger history.
import type { UserApi } from '../../../typings/user';
import { requireUser } from '../../_shared/caller';
import type { Handlers } from '../../_shared/function';
import { listLedger } from '../../_shared/stores/points';
import { form, PAGE_LABELS, pageFields } from '../../_shared/validation';

export const pointsHandlers = {
  myPoints: {
    access: 'user',
    input: form(pageFields, PAGE_LABELS),
    async run({ caller }, input) {
      const user = requireUser(caller);
      return { summary: user.points, entries: await listLedger(user._id, input) };
    },
  },
} satisfies Handlers<Pick<UserApi, 'myPoints'>>;
