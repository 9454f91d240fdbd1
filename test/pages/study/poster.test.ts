import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, pinNow, startBackend } from '../support/backend';
import { login, seedOrgs, SUPERADMIN } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { addQuote, stubWx } from '../support/study';
import { buttonDisabled, detachAll, has, render, screenText, tapButton, textAt } from '../support/ui';

const posterId = loadPage('packages/study/pages/poster/index');

const TODAY = '2026-11-28T02:00:00Z';

let backend: Awaited<ReturnType<typeof startBackend>>;
beforeAll(async () => {
  backend = await startBackend('poster-guest');
  const orgs = await seedOrgs();
  await addQuote(SUPERADMIN, orgs.district.id, '路漫漫其修远兮，吾将上下而求索。', '屈原《离骚》');
  await login('poster-user');
});
afterAll(() => backend.stop());

const restores: (() => void)[] = [];
beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs('poster-user');
  pinNow(TODAY);
  // Cloud files reach a canvas as downloaded temp files (the double has no downloadFile).
  const cloud = (wx as unknown as { cloud: Record<string, unknown> }).cloud;
  cloud.downloadFile = ({ fileID }: { fileID: string }) => {
    wxDouble().calls.push({ api: 'cloud.downloadFile', args: { fileID } });
    return Promise.resolve({ tempFilePath: `wxfile://tmp/${fileID.split('/').pop()}`, errMsg: 'downloadFile:ok' });
  };
  restores.push(() => delete cloud.downloadFile);
});
afterEach(() => {
  detachAll();
  pinNow(null);
  while (restores.length) restores.pop()!();
});

interface Drawn {
  fillText: { text: string; x: number; y: number; font: string }[];
  images: { src: string }[];
  drawImage: unknown[][];
}

/** A canvas node as <canvas type="2d"> gives it, recording what is drawn. */
function fakeCanvas() {
  const drawn: Drawn = { fillText: [], images: [], drawImage: [] };
  const ctx = {
    font: '',
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    textAlign: 'left',
    scale: () => undefined,
    fillRect: () => undefined,
    beginPath: () => undefined,
    moveTo: () => undefined,
    lineTo: () => undefined,
    stroke: () => undefined,
    fillText(text: string, x: number, y: number) {
      drawn.fillText.push({ text, x, y, font: ctx.font });
    },
    measureText(text: string) {
      const size = Number(/(\d+)px/.exec(ctx.font)?.[1] ?? 10);
      return { width: [...text].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1) * size, 0) };
    },
    drawImage(...args: unknown[]) {
      drawn.drawImage.push(args);
    },
  };
  const canvas = {
    width: 0,
    height: 0,
    getContext: () => ctx,
    createImage() {
      let src = '';
      const img = {
        onload: null as null | (() => void),
        onerror: null as null | (() => void),
        get src() {
          return src;
        },
        set src(v: string) {
          src = v;
          setTimeout(() => img.onload?.(), 0);
        },
      };
      drawn.images.push(img);
      return img;
    },
  };
  return { canvas, drawn };
}

/**
 * Renders the poster page with a canvas node that records drawing (found by the
 * <share-poster>'s selector query; null = no node, as a renderer without canvas
 * support), and opens it with `query`.
 */
function open(query: Record<string, string>, canvas: object | null = fakeCanvas().canvas): RenderedPage {
  const query$ = {
    in: () => query$,
    select: () => query$,
    fields: () => query$,
    exec: (cb: (res: unknown[]) => void) =>
      setTimeout(() => cb([canvas ? { node: canvas, width: 300, height: 480 } : {}]), 0),
  };
  restores.push(stubWx('createSelectorQuery', (() => query$) as never));
  const page = render(posterId);
  (page.instance as unknown as { onLoad(q: object): void }).onLoad(query);
  return page;
}

/** The page's <share-poster>: the canvas, its size on screen and the save button. */
const posterOf = (page: RenderedPage) => page.querySelector('#poster')!;
const posterSize = (page: RenderedPage) => posterOf(page).data.size as { width: number; height: number };

const quoteQuery = {
  day: '2026-11-28',
  text: encodeURIComponent('路漫漫其修远兮，吾将上下而求索。'),
  source: encodeURIComponent('屈原《离骚》'),
};
const ready = (page: RenderedPage) => waitFor(() => expect(page.data.status).toBe('ready'));
const studyCalls = () =>
  (wxDouble().callsOf('cloud.callFunction') as { data: { action: string; data: unknown } }[]).filter((c) =>
    c.data.action.match(/poster|todayQuote/i),
  );

describe('quote poster page', () => {
  it('asks the server for the day’s mini-program code and draws the wrapped quote, source and code', async () => {
    const { canvas, drawn } = fakeCanvas();
    const page = open(quoteQuery, canvas);
    expect(has(page, '.poster-mask')).toBe(true);
    expect(buttonDisabled(posterOf(page), 'save')).toBe(true);

    await ready(page);

    expect(studyCalls().map((c) => c.data)).toEqual([{ action: 'quotePosterCode', data: { day: '2026-11-28' } }]);
    const fileId = page.data.codeFileId as string;
    expect(fileId).toMatch(/^cloud:\/\/.+quote-2026-11-28\.png$/);
    expect(wxDouble().callsOf('cloud.downloadFile')).toEqual([{ fileID: fileId }]);
    expect(drawn.images.map((i) => i.src)).toEqual(['wxfile://tmp/quote-2026-11-28.png']);
    expect(drawn.drawImage).toHaveLength(1);

    const texts = drawn.fillText.map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['每日金句', '2026-11-28', '—— 屈原《离骚》', '长按识别小程序码']));
    const quoteLines = drawn.fillText.filter((t) => t.font.startsWith('18px')).map((t) => t.text);
    expect(quoteLines.join('')).toBe('路漫漫其修远兮，吾将上下而求索。');
    expect(canvas.width).toBe(posterSize(page).width * 2);
    expect(canvas.height).toBe(posterSize(page).height * 2);
    expect(has(page, '.poster-mask')).toBe(false);
    expect(buttonDisabled(posterOf(page), 'save')).toBe(false);
  });

  it('saves the drawn poster to the photo album', async () => {
    const { canvas } = fakeCanvas();
    const exported: unknown[] = [];
    restores.push(
      stubWx('canvasToTempFilePath', ((o: { canvas: unknown; success(r: object): void }) => {
        exported.push(o.canvas);
        o.success({ tempFilePath: 'wxfile://tmp/poster.png' });
      }) as never),
    );
    const page = open(quoteQuery, canvas);
    await ready(page);

    await tapButton(posterOf(page), 'save');
    await waitFor(() => expect(wxDouble().callsOf('showToast')).toHaveLength(1));

    expect(exported).toEqual([canvas]);
    expect(wxDouble().callsOf('saveImageToPhotosAlbum')).toEqual([
      expect.objectContaining({ filePath: 'wxfile://tmp/poster.png' }),
    ]);
    expect(wxDouble().callsOf('showToast')[0]).toMatchObject({ title: '已保存到相册' });
  });

  it('when saving to the album is not allowed, says so and offers the settings', async () => {
    const openSetting = jest.fn();
    restores.push(
      stubWx('canvasToTempFilePath', ((o: { success(r: object): void }) =>
        o.success({ tempFilePath: 'wxfile://tmp/poster.png' })) as never),
      stubWx('saveImageToPhotosAlbum', ((o: { fail(e: object): void }) =>
        o.fail({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' })) as never),
      stubWx('openSetting', openSetting as never),
    );
    const page = open(quoteQuery);
    await ready(page);

    await tapButton(posterOf(page), 'save');
    await waitFor(() => expect(openSetting).toHaveBeenCalled());

    const [modal] = wxDouble().callsOf('showModal') as { title: string; content: string; confirmText: string }[];
    expect(modal).toMatchObject({ title: '无法保存到相册', confirmText: '去设置' });
    expect(modal!.content).toContain('添加到相册');
    expect(wxDouble().callsOf('showToast')).toEqual([]);
    await waitFor(() => expect(posterOf(page).data.saving).toBe(false));
  });

  it('a cancelled save says nothing', async () => {
    restores.push(
      stubWx('canvasToTempFilePath', ((o: { success(r: object): void }) =>
        o.success({ tempFilePath: 'wxfile://tmp/poster.png' })) as never),
      stubWx('saveImageToPhotosAlbum', ((o: { fail(e: object): void }) =>
        o.fail({ errMsg: 'saveImageToPhotosAlbum:fail cancel' })) as never),
    );
    const page = open(quoteQuery);
    await ready(page);

    await tapButton(posterOf(page), 'save');
    await waitFor(() => expect(posterOf(page).data.saving).toBe(false));

    expect(wxDouble().callsOf('showModal')).toEqual([]);
    expect(wxDouble().callsOf('showToast')).toEqual([]);
  });

  it('opened without a quote, uses today’s', async () => {
    const { canvas, drawn } = fakeCanvas();
    open({}, canvas);
    await waitFor(() => expect(drawn.drawImage).toHaveLength(1));

    expect(studyCalls().map((c) => c.data.action)).toEqual(['todayQuote', 'quotePosterCode']);
    expect(drawn.fillText.map((t) => t.text)).toContain('—— 屈原《离骚》');
  });

  it('when the poster cannot be drawn, says so with 重试 and offers no saving', async () => {
    const page = open(quoteQuery, null); // no canvas node, as in a renderer without canvas support
    await waitFor(() => expect(page.data.status).toBe('error'));

    expect(textAt(page, '.poster-error-text')).toBe('海报生成失败，请重试');
    expect(buttonDisabled(posterOf(page), 'save')).toBe(true);
    expect(screenText(page)).toContain('重试');
  });
});
