// The quote_favorites collection: a user's saved quotes (_id = userId:quoteId).
import { COLLECTIONS } from '../../_shared/collections';
import { cmd, collection, findDocs, getDoc } from '../../_shared/db';
import { fetchPage, type PageArgs } from '../../_shared/paging';

const favorites = () => collection(COLLECTIONS.quoteFavorites);
const favoriteId = (userId: string, quoteId: string) => `${userId}:${quoteId}`;

export async function isFavorite(userId: string, quoteId: string): Promise<boolean> {
  return (await getDoc(COLLECTIONS.quoteFavorites, favoriteId(userId, quoteId))) !== null;
}

/** Which of these quotes the user saved. */
export async function favoriteQuoteIds(userId: string, quoteIds: string[]): Promise<Set<string>> {
  if (!quoteIds.length) return new Set();
  const ids = quoteIds.map((q) => favoriteId(userId, q));
  const found = await findDocs<{ quoteId: string }>(COLLECTIONS.quoteFavorites, { _id: cmd().in(ids) }, ids.length);
  return new Set(found.map((f) => f.quoteId));
}

export async function addFavorite(userId: string, quoteId: string, now: Date): Promise<void> {
  await favorites().doc(favoriteId(userId, quoteId)).set({ userId, quoteId, createdAt: now });
}

export async function removeFavorite(userId: string, quoteId: string): Promise<void> {
  await favorites().doc(favoriteId(userId, quoteId)).remove();
}

/** The user's saved quote ids, newest first. */
export function favoritesPage(userId: string, page: PageArgs) {
  return fetchPage(favorites().where({ userId }), [['createdAt', 'desc']], page, (f: { quoteId: string }) => f.quoteId);
}
