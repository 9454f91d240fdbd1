import type { Wrap } from '../../../miniprogram/components/share-poster/index';
import { type Measure, wrapLines } from '../../../miniprogram/components/share-poster/wrap';
import {
  certificateLayout,
  POSTER_MAX_HEIGHT,
  POSTER_LINES,
  POSTER_WIDTH,
  type PosterOp,
} from '../../../miniprogram/packages/volunteer/pages/certificate/layout';
import { type CertificateView, certificateView } from '../../../miniprogram/packages/volunteer/utils/certificate';

/** A stand-in for the canvas's measureText: CJK and full-width characters 1 em, others about 0.55 em. */
const textWidth: Measure = (text, size) => {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? size : size * 0.55;
  return w;
};
const wrap: Wrap = (text, o) => wrapLines(text, o, textWidth);

const line = (title: string, minutes: number, kind: 'credit' | 'honor' = 'credit') => ({
  title,
  startAt: '2026-11-21T00:10:00.000Z',
  minutes,
  kind,
});

const cert: CertificateView = certificateView({
  number: 'ZY2026ABCDEFGHJKMNPQRS',
  issuedAt: '2026-12-01T02:00:00.000Z',
  holder: { name: '张小快', phoneMasked: '139****1111' },
  orgId: 'o1',
  orgName: '示例区快递行业党支部',
  from: '2026-11-21',
  to: '2026-12-01',
  creditMinutes: 105,
  honorMinutes: 60,
  totalMinutes: 165,
  services: 2,
  content: [line('早高峰文明交通劝导', 105), line('学校门口护学岗', 60, 'honor')],
});

const texts = (ops: PosterOp[]) => ops.flatMap((o) => (o.kind === 'text' ? [o.text] : []));
const images = (ops: PosterOp[]) => ops.flatMap((o) => (o.kind === 'image' ? [o] : []));

describe('certificate poster layout', () => {
  it('states the number, who, the period, credit and honor hours apart and their total, the content, the org and date', () => {
    const { width, height, ops } = certificateLayout(cert, wrap);

    expect(width).toBe(POSTER_WIDTH);
    expect(height).toBeLessThan(POSTER_MAX_HEIGHT);
    expect(texts(ops)).toEqual(
      expect.arrayContaining([
        '志愿服务记录证明',
        '编号 ZY2026ABCDEFGHJKMNPQRS',
        '姓名：张小快',
        '联系电话：139****1111',
        '服务期间：2026-11-21 至 2026-12-01',
        '1.75 小时',
        '信用时数',
        '1 小时',
        '荣誉时数',
        '2.75 小时',
        '合计',
        '服务内容（共 2 次）',
        '· 早高峰文明交通劝导',
        '2026-11-21 · 信用时数 1.75 小时',
        '· 学校门口护学岗',
        '2026-11-21 · 荣誉时数 1 小时',
        '出具组织：示例区快递行业党支部',
        '出具日期：2026-12-01',
        '长按识别小程序码',
      ]),
    );
    expect(texts(ops).some((t) => t.startsWith('等 '))).toBe(false);
    const [code] = images(ops);
    expect(images(ops)).toHaveLength(1);
    expect(code).toMatchObject({ slot: 'code' });
    expect(code!.w).toBe(code!.h);
    expect(code!.w).toBeGreaterThanOrEqual(120);
  });

  it('keeps everything inside the poster, the hours above the content above the code', () => {
    const { ops, height } = certificateLayout(cert, wrap);
    for (const op of ops) {
      if (op.kind === 'text') {
        const w = textWidth(op.text, op.size);
        const left = op.align === 'center' ? op.x - w / 2 : op.align === 'right' ? op.x - w : op.x;
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left + w).toBeLessThanOrEqual(POSTER_WIDTH);
        expect(op.y).toBeLessThanOrEqual(height);
      } else if (op.kind !== 'line') {
        expect(op.x + op.w).toBeLessThanOrEqual(POSTER_WIDTH);
        expect(op.y + op.h).toBeLessThanOrEqual(height);
      }
    }
    const y = (t: string) => (ops.find((o) => o.kind === 'text' && o.text === t) as { y: number }).y;
    expect(y('合计')).toBeLessThan(y('服务内容（共 2 次）'));
    expect(y('出具日期：2026-12-01')).toBeLessThan(images(ops)[0]!.y);
  });

  it('lists the longest lines it has room for and counts the rest; a long org name stays on one line', () => {
    const many = certificateView({
      number: cert.number,
      holder: { name: cert.name, phoneMasked: cert.phoneMasked },
      orgId: 'o1',
      orgName: '某某市某某区新就业群体综合党委快递物流行业第一联合党支部委员会志愿服务队',
      from: '2026-01-01',
      to: '2026-12-01',
      issuedAt: '2026-12-01T02:00:00.000Z',
      creditMinutes: 600,
      honorMinutes: 0,
      totalMinutes: 600,
      services: 12,
      content: Array.from({ length: 12 }, (_, i) => line(`第 ${i + 1} 次文明交通劝导`, 50)),
    });
    const { ops, height } = certificateLayout(many, wrap);

    expect(height).toBeLessThanOrEqual(POSTER_MAX_HEIGHT);
    const countLine = ops.find((o) => o.kind === 'text' && o.text.startsWith('等 ')) as { y: number };
    const orgLine = ops.find((o) => o.kind === 'text' && o.text.startsWith('出具组织')) as { y: number };
    expect(countLine.y).toBeLessThan(orgLine.y - 30);

    expect(texts(ops).filter((t) => t.startsWith('· '))).toHaveLength(POSTER_LINES);
    expect(texts(ops).filter((t) => t.endsWith('信用时数 0.83 小时'))).toHaveLength(POSTER_LINES);
    expect(texts(ops)).toContain(`等 ${12 - POSTER_LINES} 次服务，扫码查看完整证明`);
    const org = texts(ops).find((t) => t.startsWith('出具组织'))!;
    expect(org.endsWith('…')).toBe(true);
    expect(textWidth(org, 22)).toBeLessThanOrEqual(POSTER_WIDTH - 96);
  });
});
