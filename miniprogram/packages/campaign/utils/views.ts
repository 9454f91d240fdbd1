// How campaign data is shown in the campaign subpackage's pages.
import type { Campaign, Candidate } from '../../../../typings/campaign';
import { displayUrl } from '../../../services/files';

export interface CandidateRow {
  id: string;
  number: string;
  name: string;
  platform: string;
  /** The first photo, displayable, or ''. */
  photo: string;
  votes: number | null;
  /** "128 票", or 票数暂不公开 while the ranking is hidden. */
  votesText: string;
}

export const HIDDEN_VOTES_TEXT = '票数暂不公开';

export function votesText(votes: number | null): string {
  return votes === null ? HIDDEN_VOTES_TEXT : `${votes} 票`;
}

export function toCandidateRow(c: Candidate): CandidateRow {
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    platform: c.platform,
    photo: c.photos[0] ? displayUrl(c.photos[0]) : '',
    votes: c.votes,
    votesText: votesText(c.votes),
  };
}

/** The category's display name ("最美快递小哥"), or its key if the campaign no longer has it. */
export function categoryName(
  campaign: { categories: Pick<Campaign['categories'][number], 'key' | 'name'>[] },
  key: string,
): string {
  return campaign.categories.find((k) => k.key === key)?.name ?? key;
}

/**
 * The candidate a page is opened for: `?id=` from our own links, or the scene
 * `c=<id>` of a mini-program code (WeChat passes it URL-encoded).
 */
export function candidateIdFrom(options: { id?: string; scene?: string }): string {
  if (options.id) return options.id;
  if (!options.scene) return '';
  const scene = decodeURIComponent(options.scene);
  for (const pair of scene.split('&')) {
    const [key, value] = pair.split('=');
    if (key === 'c' && value) return value;
  }
  return '';
}
