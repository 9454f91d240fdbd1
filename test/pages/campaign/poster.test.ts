import { clearSession } from '../../../miniprogram/utils/session';
import { callAs, startBackend, uploadAs } from '../support/backend';
import { seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { actionCalls, DEEDS, openPage, seedCampaign } from '../support/campaign';
import { detachAll, has, screenText, tapButton, textAt } from '../support/ui';

const posterId = loadPage('packages/campaign/pages/poster/index');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('poster-guest');
  orgs = await seedOrgs();
});
afterAll(() => backend.stop());

// --- a 2d canvas that records what is drawn (jsdom has none), found by the selector query
interface FakeImage {
  src: string;
  onload: (() => void) | null;
  onerror: (() => void) | null;
}
type Call = [string, ...unknown[]];

function fakeCanvas(failing: (src: string) => boolean) {
  const calls: Call[] = [];
  const state: Record<string, unknown> = {};
  // Text is measured as the canvas does: CJK 1 em, others half (the font's px size).
  state.measureText = (text: string) => {
    const size = Number(/(\d+)px/.exec(String(state.font ?? ''))?.[1] ?? 10);
    return { width: [...text].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1) * size, 0) };
  };
  const ctx = new Proxy(state, {
    get: (target, key: string) =>
      key in target ? target[key] : (...args: unknown[]) => void calls.push([key, ...args]),
    set: (target, key: string, value) => {
      target[key] = value;
      return true;
    },
  });
  const canvas = {
    width: 0,
    height: 0,
    getContext: () => ctx,
    createImage: (): FakeImage => {
      let src = '';
      const img: FakeImage = {
        onload: null,
        onerror: null,
        get src() {
          return src;
        },
        set src(value: string) {
          src = value;
          setTimeout(() => (failing(value) ? img.onerror : img.onload)?.(), 0);
        },
      };
      return img;
    },
  };
  return { canvas, calls };
}

type Wx = Record<string, unknown> & { cloud: Record<string, unknown> };
const wxAny = () => wx as unknown as Wx;
const saved: Record<string, unknown> = {};

let drawn: ReturnType<typeof fakeCanvas>;
let failingImage: (src: string) => boolean;

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  failingImage = () => false;
  for (const k of ['createSelectorQuery', 'canvasToTempFilePath', 'saveImageToPhotosAlbum', 'openSetting'])
    saved[k] = wxAny()[k];
  saved.downloadFile = wxAny().cloud.downloadFile;
  drawn = fakeCanvas((src) => failingImage(src));
  wxAny().createSelectorQuery = () => {
    const q = {
      in: () => q,
      select: () => q,
      fields: () => q,
      exec: (cb: (res: unknown[]) => void) => cb([{ node: drawn.canvas, width: 300, height: 450 }]),
    };
    return q;
  };
  // cloud:// files reach a canvas as downloaded temp files.
  wxAny().cloud.downloadFile = jest.fn(({ fileID }: { fileID: string }) =>
    Promise.resolve({ tempFilePath: `wxfile://tmp/${fileID.split('/').pop()}` }),
  );
  wxAny().canvasToTempFilePath = jest.fn(({ success }: { success(r: object): void }) =>
    success({ tempFilePath: 'wxfile://tmp/poster.png' }),
  );
  wxAny().openSetting = jest.fn();
});
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (k === 'downloadFile') wxAny().cloud.downloadFile = v;
    else wxAny()[k] = v;
  }
  detachAll();
});

async function open(openid: string, candidateId: string): Promise<RenderedPage> {
  const page = openPage(posterId, openid, { id: candidateId });
  await waitFor(() => expect(page.data.status).not.toBe('loading'));
  return page;
}

const textsDrawn = () => drawn.calls.filter((c) => c[0] === 'fillText').map((c) => c[1] as string);
const imagesDrawn = () => drawn.calls.filter((c) => c[0] === 'drawImage').map((c) => (c[1] as FakeImage).src);

describe('candidate poster page', () => {
  it('requests the candidate’s mini-program code and draws it with the number, name and campaign title', async () => {
    const { campaign, candidates } = await seedCampaign(orgs.district.id, { phase: 'voting', perCategory: 1 });
    const target = candidates[0]!;
    const page = await open('poster-user', target.id);

    expect(page.data.status).toBe('ready');
    expect(actionCalls('candidatePosterCode')).toEqual([{ candidateId: target.id }]);
    const codeFile = (wxAny().cloud.downloadFile as jest.Mock).mock.calls.map(([a]) => a.fileID as string);
    expect(codeFile).toEqual([expect.stringMatching(new RegExp(`posters/candidate-${target.id}\\.png$`))]);
    expect(imagesDrawn()).toEqual([`wxfile://tmp/candidate-${target.id}.png`]);
    expect(textsDrawn()).toEqual(expect.arrayContaining([campaign.title, '编号 A001', target.name, 'A001']));
    // Sized for the screen: 300 css px × pixel ratio 2.
    expect([drawn.canvas.width, drawn.canvas.height]).toEqual([600, 900]);
    expect(textAt(page, '#caption')).toBe(`A001 ${target.name} 的分享海报`);
  });

  it('draws the candidate’s photo when there is one', async () => {
    const { campaign } = await seedCampaign(orgs.district.id, { phase: 'voting', perCategory: 0 });
    const cand = await callAs<{ id: string }>(SUPERADMIN, 'campaign', 'addCandidate', {
      campaignId: campaign.id,
      category: 'streamer',
      name: '陈主播',
      platform: '示例直播平台',
      deeds: DEEDS,
      photos: [await uploadAs(SUPERADMIN, 'candidates/chen.jpg')],
    });
    await open('poster-photo', cand.id);

    expect(imagesDrawn()).toEqual(['wxfile://tmp/chen.jpg', `wxfile://tmp/candidate-${cand.id}.png`]);
    expect(textsDrawn()).toEqual(expect.arrayContaining(['最美网络主播 · 示例直播平台', '编号 D001']));
    expect(textsDrawn()).not.toContain('D001'); // no placeholder
  });

  it('saves to the album; a refused permission explains how to allow it', async () => {
    const { candidates } = await seedCampaign(orgs.district.id, { phase: 'voting', perCategory: 1 });
    const page = await open('poster-save', candidates[0]!.id);

    await tapButton(page, 'poster >>> #save');
    await waitFor(() => expect(wxDouble().callsOf('saveImageToPhotosAlbum')).toHaveLength(1));
    expect(wxDouble().callsOf('saveImageToPhotosAlbum')[0]).toMatchObject({ filePath: 'wxfile://tmp/poster.png' });
    expect((wxAny().canvasToTempFilePath as jest.Mock).mock.calls[0]![0]).toMatchObject({ canvas: drawn.canvas });
    await waitFor(() =>
      expect(wxDouble().callsOf('showToast')).toContainEqual(expect.objectContaining({ title: '已保存到相册' })),
    );

    wxAny().saveImageToPhotosAlbum = ({ fail }: { fail(e: object): void }) =>
      fail({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' });
    await tapButton(page, 'poster >>> #save');
    await waitFor(() => expect(wxDouble().callsOf('showModal')).toHaveLength(1));
    expect(wxDouble().callsOf('showModal')[0]).toMatchObject({ title: '无法保存到相册', confirmText: '去设置' });
    await waitFor(() => expect(wxAny().openSetting).toHaveBeenCalled());
    expect(page.querySelector('#poster')!.data.saving).toBe(false);

    // Cancelling the system dialog is not an error.
    wxAny().saveImageToPhotosAlbum = ({ fail }: { fail(e: object): void }) =>
      fail({ errMsg: 'saveImageToPhotosAlbum:fail cancel' });
    await tapButton(page, 'poster >>> #save');
    await waitFor(() => expect(page.querySelector('#poster')!.data.saving).toBe(false));
    expect(wxDouble().callsOf('showModal')).toHaveLength(1);
  });

  it('when the code cannot be loaded it shows the error state with 重试', async () => {
    const { candidates } = await seedCampaign(orgs.district.id, { phase: 'voting', perCategory: 1 });
    failingImage = (src) => src.includes('candidate-');
    const page = await open('poster-fail', candidates[0]!.id);

    expect(page.data.status).toBe('error');
    expect(screenText(page)).toContain('海报生成失败');
    expect(has(page, '#page-state >>> #retry')).toBe(true);

    failingImage = () => false;
    await tapButton(page, 'page-state >>> #retry');
    await waitFor(() => expect(page.data.status).toBe('ready'));
  });
});
