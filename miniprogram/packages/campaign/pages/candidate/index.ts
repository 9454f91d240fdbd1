// One candidate: number, name, platform, deeds, photos and the count, with the
// 投票 button. A vote's receipt updates the count, my votes today and the votes
// left without another round trip; every refusal is explained. Sharing is a
// plain offer — no rewards, no extra votes, nothing unlocked by sharing.
import type { CampaignForVoter, CandidateDetail } from '../../../../../typings/campaign';
import { ROUTES } from '../../../../config/routes';
import { campaignApi } from '../../services/campaign';
import { displayUrl } from '../../../../services/files';
import { errorMessage } from '../../../../utils/errors';
import { castVote, NO_VOTES_LEFT } from '../../utils/vote';
import { candidateIdFrom, categoryName, votesText } from '../../utils/views';
import { reloadHandlers } from '../../../../components/list-state/reload';

type Status = 'loading' | 'ready' | 'error';

interface CandidateView {
  id: string;
  campaignId: string;
  campaignTitle: string;
  categoryName: string;
  number: string;
  name: string;
  platform: string;
  deeds: string;
  photos: string[];
}

function toView(d: CandidateDetail, c: CampaignForVoter): CandidateView {
  return {
    id: d.id,
    campaignId: d.campaignId,
    campaignTitle: c.title,
    categoryName: categoryName(c, d.category),
    number: d.number,
    name: d.name,
    platform: d.platform,
    deeds: d.deeds,
    photos: d.photos.map(displayUrl),
  };
}

Component({
  data: {
    candidateId: '',
    status: 'loading' as Status,
    error: '',
    candidate: null as CandidateView | null,
    votes: null as number | null,
    votesText: '',
    myVotesToday: 0,
    votesLeftToday: null as number | null,
    canVote: false,
    cannotVoteReason: '',
    voting: false,
    /** The last refusal, shown under the button. */
    voteMessage: '',
  },
  methods: {
    ...reloadHandlers(),
    onLoad(options: { id?: string; scene?: string }) {
      // From our links (?id=) or from the poster's mini-program code (scene c=<id>).
      this.setData({ candidateId: candidateIdFrom(options) });
      this.load();
    },

    async load(quiet = false): Promise<string | null> {
      if (!this.data.candidateId) {
        this.setData({ status: 'error', error: '链接无效，找不到这位候选人' });
        return null;
      }
      if (!quiet) this.setData({ status: 'loading', error: '' });
      try {
        const detail = await campaignApi('getCandidate', { id: this.data.candidateId });
        const campaign = await campaignApi('getCampaign', { id: detail.campaignId });
        this.setData({
          status: 'ready',
          candidate: toView(detail, campaign),
          votes: detail.votes,
          votesText: votesText(detail.votes),
          myVotesToday: detail.myVotesToday,
          votesLeftToday: detail.votesLeftToday,
          canVote: campaign.canVote,
          cannotVoteReason: campaign.cannotVoteReason,
          voteMessage: '',
        });
        wx.setNavigationBarTitle({ title: `${detail.number} ${detail.name}` });
        return null;
      } catch (err) {
        const error = errorMessage(err, '加载失败，请稍后再试');
        if (!quiet || this.data.status !== 'ready') this.setData({ status: 'error', error });
        return error;
      }
    },

    async onVote() {
      const c = this.data.candidate;
      if (!c || this.data.voting || !this.data.canVote) return;
      this.setData({ voting: true, voteMessage: '' });
      const result = await castVote(c.id);
      this.setData({ voting: false });
      if (result.ok) {
        const r = result.receipt;
        this.setData({
          votes: r.votes,
          votesText: votesText(r.votes),
          myVotesToday: r.myVotesToday,
          votesLeftToday: r.votesLeftToday,
          ...(r.votesLeftToday > 0 ? {} : { canVote: false, cannotVoteReason: NO_VOTES_LEFT }),
        });
        wx.showToast({ title: '投票成功', icon: 'success' });
        return;
      }
      const refusal = result.refusal;
      this.setData({
        voteMessage: refusal.message,
        ...(refusal.closesVoting ? { canVote: false, cannotVoteReason: refusal.message } : {}),
      });
      if (refusal.needsRegistration) {
        const { confirm } = await wx.showModal({
          title: '暂不能投票',
          content: refusal.message,
          confirmText: '去登记',
        });
        if (confirm) wx.navigateTo({ url: ROUTES.register });
        return;
      }
      wx.showToast({ title: refusal.message, icon: 'none', duration: 2500 });
      if (refusal.limitReached) await this.syncMyVotes();
    },
    /** After a limit refusal: the server's count of my votes today (some may come from elsewhere). */
    async syncMyVotes() {
      const c = this.data.candidate;
      if (!c) return;
      try {
        const mine = await campaignApi('myVotes', { campaignId: c.campaignId });
        this.setData({
          votesLeftToday: mine.votesLeftToday,
          myVotesToday: mine.votes.find((v) => v.candidateId === c.id)?.count ?? 0,
          ...(mine.votesLeftToday > 0 ? {} : { canVote: false, cannotVoteReason: NO_VOTES_LEFT }),
        });
      } catch {
        /* the refusal message already says what happened */
      }
    },

    previewPhoto(e: TapEvent<{ index: number }>) {
      const photos = this.data.candidate?.photos ?? [];
      wx.previewImage({ urls: photos, current: photos[e.currentTarget.dataset.index] });
    },
    openPoster() {
      wx.navigateTo({ url: `${ROUTES.candidatePoster}?id=${this.data.candidateId}` });
    },
    openCampaign() {
      const c = this.data.candidate;
      if (c) wx.navigateTo({ url: `${ROUTES.campaign}?id=${c.campaignId}` });
    },

    onShareAppMessage() {
      const c = this.data.candidate;
      return {
        title: c ? `${c.campaignTitle}：${c.number} ${c.name}` : '最美新就业群体评选',
        path: `${ROUTES.candidate}?id=${this.data.candidateId}`,
      };
    },
  },
});
