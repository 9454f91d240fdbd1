// "My points": the balance and the ledger history.
import type { PointsEntry, UserApi } from '../../typings/user';
import { requireUser } from '../_shared/caller';
import { COLLECTIONS } from '../_shared/collections';
import type { Handlers } from '../_shared/function';
import { fetchPage } from '../_shared/paging';
import type { LedgerDoc } from '../_shared/points';
import { db } from '../_shared/sdk';
import { pageFields, z } from '../_shared/validation';

const toEntry = (d: LedgerDoc): PointsEntry => ({
  id: d._id,
  amount: d.amount,
  reason: d.reason,
  title: d.title,
  sourceId: d.sourceId,
  createdAt: new Date(d.createdAt).toISOString(),
});

export const pointsHandlers = {
  myPoints: {
    access: 'user',
    input: z.strictObject(pageFields),
    async run({ caller }, input) {
      const user = requireUser(caller);
      const entries = await fetchPage(
        db().collection(COLLECTIONS.pointsLedger).where({ userId: user._id }),
        [['createdAt', 'desc']],
        input,
        toEntry,
      );
      return { summary: user.points, entries };
    },
  },
} satisfies Handlers<Pick<UserApi, 'myPoints'>>;
