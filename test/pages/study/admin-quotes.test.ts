import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '../../../typings/common';
import type { QuoteAdminView } from '../../../typings/study';
import { beijingDay } from '../../../miniprogram/packages/study/utils/labels';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { makeAdmin, registerWorker, seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { addQuote, stubWx, uploadFromDisk } from '../support/study';
import { detachAll, has, render, screenText, tapButton, tapOn, tapSwitch, textAt, typeInto } from '../support/ui';

const quotesId = loadPage('packages/study/pages/admin-quotes/index');

const TODAY = '2026-11-28T02:00:00Z';
const ADMIN = 'quotes-district-admin';

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
let files: string;
beforeAll(async () => {
  backend = await startBackend('admin-quotes-guest');
  orgs = await seedOrgs();
  await makeAdmin(ADMIN, [orgs.district.id]);
  files = mkdtempSync(join(tmpdir(), 'quote-import-'));
});
afterAll(() => backend.stop());

const restores: (() => void)[] = [];
beforeEach(() => {
  wxDouble().reset();
  clearSession();
  pinNow(TODAY);
});
afterEach(() => {
  detachAll();
  pinNow(null);
  while (restores.length) restores.pop()!();
});

async function open(openid = ADMIN): Promise<RenderedPage> {
  actAs(openid);
  const page = render(quotesId);
  await waitFor(() => expect(page.data.list.status).not.toBe('loading'));
  return page;
}

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('金句');
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const texts = (page: RenderedPage) => page.querySelectorAll('.row-text').map((t) => t.dom!.textContent);
const allQuotes = async () =>
  (await callAs<Page<QuoteAdminView>>(SUPERADMIN, 'study', 'adminListQuotes', { pageSize: 50 })).items;

/** The admin picks `name` with `content` from a chat (chooseMessageFile). */
function pickFile(name: string, content: string | Buffer) {
  const path = join(files, name);
  writeFileSync(path, content);
  restores.push(
    stubWx('chooseMessageFile', (() =>
      Promise.resolve({ tempFiles: [{ path, name, size: content.length }] })) as never),
    uploadFromDisk(),
  );
}

describe('admin quotes page', () => {
  it('imports a CSV with bad rows as nothing and lists the row errors; a fixed sheet imports all rows', async () => {
    // The page tells scheduled days from shown ones by the phone's own clock: schedule a week ahead of it.
    pinNow(Date.now());
    const ahead = beijingDay(new Date(Date.now() + 7 * 86_400_000));
    pickFile(
      'bad quotes.csv',
      '内容,出处,日期\n千里之行，始于足下。,《老子》,\n好,缺一个字,\n海纳百川，有容乃大。,,2026-12-01\n',
    );
    const page = await open();

    await tapButton(page, 'import');
    await waitFor(() => expect(has(page, '#import-result')).toBe(true));

    expect(textAt(page, '.import-summary')).toBe('没有导入：2 行需要修改后重新导入');
    expect(page.querySelectorAll('.import-error').map((e) => e.dom!.textContent)).toEqual([
      '第 3 行：内容需为 2–200 个字',
      '第 4 行：出处不能为空，且不超过 60 个字',
    ]);
    expect(await allQuotes()).toEqual([]);
    const [upload] = wxDouble().callsOf('cloud.uploadFile') as { cloudPath: string }[];
    expect(upload!.cloudPath).toMatch(/^imports\/\d+-bad_quotes\.csv$/);
    expect(wxDouble().callsOf('hideLoading')).toHaveLength(1);

    // Fixed, as Excel saves it. (Dated rows go in an .xlsx: a CSV's dates come out a day early — see the report.)
    while (restores.length) restores.pop()!();
    pickFile(
      '金句 第二批.xlsx',
      await xlsx([
        ['内容', '出处', '日期', '示例'],
        ['千里之行，始于足下。', '《老子》', '', '否'],
        ['海纳百川，有容乃大。', '林则徐', ahead, '否'],
        ['奔跑的每一步都算数。', '示例内容', '', '是'],
      ]),
    );
    await tapButton(page, 'import');
    await waitFor(() => expect(textAt(page, '.import-summary')).toBe('已导入 3 条金句，其中 1 条已排期'));
    await waitFor(() => expect(texts(page)).toHaveLength(3));

    expect(has(page, '.import-error')).toBe(false);
    const stored = await allQuotes();
    expect(stored.map((q) => q.text).sort()).toEqual(
      ['千里之行，始于足下。', '海纳百川，有容乃大。', '奔跑的每一步都算数。'].sort(),
    );
    expect(stored.every((q) => q.orgId === orgs.district.id)).toBe(true);
    expect(stored.find((q) => q.text.startsWith('奔跑'))!.sample).toBe(true);
    expect(stored.find((q) => q.text.startsWith('海纳'))!.scheduledDays).toEqual([ahead]);
    expect(screenText(page)).toContain(ahead);
  });

  it('refuses a file that is not a sheet before uploading', async () => {
    pickFile('notes.txt', 'hello');
    const page = await open();

    await tapButton(page, 'import');
    expect(wxDouble().callsOf('showToast')).toEqual([expect.objectContaining({ title: '请选择 .xlsx 或 .csv 文件' })]);
    expect(wxDouble().callsOf('cloud.uploadFile')).toEqual([]);
  });

  it('adds a quote in the popup, owned by the admin’s org, with the 示例 switch', async () => {
    const page = await open();
    expect(textAt(page, '.owner')).toBe('归属：示例区委');

    await tapButton(page, 'add');
    expect(page.data.form.visible).toBe(true);
    await tapButton(page, 'form-actions >>> #save');
    expect(textAt(page, '#form-actions >>> .form-error')).toBe('请填写金句内容（至少 2 个字）');

    page.querySelector('#form-text >>> .t-textarea__wrapper-inner')!.dispatchEvent('input', {
      detail: { value: '星星之火，可以燎原。' },
    });
    await flush();
    await typeInto(page, 'form-source', '示例出处');
    await tapSwitch(page, 'form-sample');
    await tapButton(page, 'form-actions >>> #save');

    await waitFor(() => expect(texts(page)).toContain('星星之火，可以燎原。'));
    expect(page.data.form.visible).toBe(false);
    const saved = (await allQuotes()).find((q) => q.text === '星星之火，可以燎原。')!;
    expect(saved).toMatchObject({ source: '示例出处', sample: true, orgId: orgs.district.id });
  });

  it('edits, searches and deletes (after confirming)', async () => {
    const q = await addQuote(ADMIN, orgs.district.id, '一寸光阴一寸金。', '谚语');
    await addQuote(ADMIN, orgs.district.id, '少壮不努力，老大徒伤悲。', '《长歌行》');
    const page = await open();

    page.querySelector('#search >>> .t-input__keyword')!.dispatchEvent('confirm', { detail: { value: '光阴' } });
    await waitFor(() => expect(texts(page)).toEqual(['一寸光阴一寸金。']));

    await tapOn(page, `#edit-${q.id}`);
    expect(page.data.form).toMatchObject({ id: q.id, text: '一寸光阴一寸金。', source: '谚语', orgName: '示例区委' });
    await typeInto(page, 'form-source', '民间谚语');
    await tapButton(page, 'form-actions >>> #save');
    await waitFor(() => expect(textAt(page, `#quote-${q.id} .row-meta`)).toContain('民间谚语'));

    wxDouble().answerNext('showModal', { confirm: false, cancel: true });
    await tapOn(page, `#delete-${q.id}`);
    await flush();
    expect((await allQuotes()).some((x) => x.id === q.id)).toBe(true);

    await tapOn(page, `#delete-${q.id}`);
    await waitFor(() => expect(has(page, `#quote-${q.id}`)).toBe(false));
    expect((await allQuotes()).some((x) => x.id === q.id)).toBe(false);
    const modals = wxDouble().callsOf('showModal') as { content: string }[];
    expect(modals[1]!.content).toContain('一寸光阴一寸金');
  });

  it('puts a quote on a day with the date picker, and takes it off again', async () => {
    const q = await addQuote(ADMIN, orgs.district.id, '不积跬步，无以至千里。', '《荀子·劝学》');
    const page = await open();

    page.querySelector(`#schedule-${q.id}`)!.dispatchEvent('change', { detail: { value: '2026-12-05' } });
    await waitFor(() => expect(has(page, `#day-${q.id}-2026-12-05`)).toBe(true));
    expect(wxDouble().callsOf('showToast')).toEqual([expect.objectContaining({ title: '已安排在 2026-12-05' })]);
    pinNow('2026-12-05T02:00:00Z');
    const today = await callAs<{ quote: { id: string } }>(ADMIN, 'study', 'todayQuote');
    expect(today.quote.id).toBe(q.id);
    pinNow(TODAY);

    await tapOn(page, `#day-${q.id}-2026-12-05`);
    await waitFor(() => expect(has(page, `#day-${q.id}-2026-12-05`)).toBe(false));
    expect((await allQuotes()).find((x) => x.id === q.id)!.scheduledDays).toEqual([]);
  });

  it('a worker sees the server’s refusal, not the pool', async () => {
    await registerWorker('quotes-worker', orgs.expressBranch.id);
    const page = await open('quotes-worker');

    expect(has(page, '#list-state >>> .state-error')).toBe(true);
    expect(screenText(page)).toContain('仅管理员可以操作');
  });
});
