// The certificate poster (志愿服务记录证明) as drawing operations: pure, so the
// layout is unit-tested, and <share-poster> replays them on its canvas. 600 × 1000
// poster pixels: the title and number, who (name, masked phone), the period, the
// hours — credit and honor apart and their total — the service content (its
// longest lines; the rest counted), the issuing org and date, and the
// mini-program code that opens the verify page. The poster is as tall as its
// content lines need (at most POSTER_MAX_HEIGHT).
import type { Wrap } from '../../../../components/share-poster/index';
import type { PosterLayout, PosterOp } from '../../../../components/share-poster/paint';
import type { CertificateView } from '../../utils/certificate';

export type { PosterLayout, PosterOp };

export const POSTER_WIDTH = 600;
/** With every content line the poster has room for and the count of the rest. */
export const POSTER_MAX_HEIGHT = 1060;
/** Content lines the poster has room for; the rest are counted ("等 N 次服务"). */
export const POSTER_LINES = 4;
/** Height of one content line (what, then when and how long). */
const ROW = 54;
const BRAND = '#C8161D';
const INK = '#1F1F1F';
const GREY = '#666666';
const PAD = 48;

type Text = Omit<Extract<PosterOp, { kind: 'text' }>, 'kind'>;

export function certificateLayout(cert: CertificateView, wrap: Wrap): PosterLayout {
  const W = POSTER_WIDTH;
  const inner = W - PAD * 2;
  const ops: PosterOp[] = [];
  const text = (t: Text) => ops.push({ kind: 'text', ...t });
  const line = (t: string, y: number, size: number, color = INK, bold = false) => {
    const [first = ''] = wrap(t, { maxWidth: inner, size, bold, maxLines: 1 });
    text({ text: first, x: PAD, y, size, color, bold, align: 'left' });
  };

  // Paper, a red frame, the title and the number.
  const paper: PosterOp = { kind: 'rect', x: 0, y: 0, w: W, h: 0, color: '#FFFFFF', radius: 0 };
  ops.push(paper);
  ops.push({ kind: 'rect', x: 0, y: 0, w: W, h: 12, color: BRAND, radius: 0 });
  text({ text: '志愿服务记录证明', x: W / 2, y: 92, size: 40, bold: true, color: BRAND, align: 'center' });
  text({ text: `编号 ${cert.number}`, x: W / 2, y: 132, size: 20, color: GREY, align: 'center' });

  // Who and when.
  line(`姓名：${cert.name}`, 196, 28, INK, true);
  line(`联系电话：${cert.phoneMasked}`, 240, 24);
  line(`服务期间：${cert.periodText}`, 280, 24);

  // The hours, three across: credit and honor apart, then the total.
  ops.push({ kind: 'rect', x: PAD, y: 308, w: inner, h: 116, color: '#FDF3F3', radius: 12 });
  const cols: [string, string, string][] = [
    ['信用时数', cert.creditText, INK],
    ['荣誉时数', cert.honorText, INK],
    ['合计', cert.totalText, BRAND],
  ];
  cols.forEach(([label, value, color], i) => {
    const x = PAD + (inner / 3) * (i + 0.5);
    text({ text: value, x, y: 362, size: 30, bold: true, color, align: 'center' });
    text({ text: label, x, y: 400, size: 20, color: GREY, align: 'center' });
  });

  // The service content.
  line(`服务内容（共 ${cert.services} 次）`, 470, 24, INK, true);
  const shown = cert.content.slice(0, POSTER_LINES);
  shown.forEach((c, i) => {
    // What (cut to one line), then when, which kind and how long.
    const y = 508 + i * ROW;
    line(`· ${c.title}`, y, 22);
    const meta = `${c.dateText} · ${c.kindLabel} ${c.hoursText}`;
    text({ text: meta, x: PAD + 18, y: y + 24, size: 18, color: GREY, align: 'left' });
  });
  const rest = cert.services - shown.length;
  if (rest > 0) line(`等 ${rest} 次服务，扫码查看完整证明`, 508 + shown.length * ROW, 20, GREY);
  const contentEnd = 508 + (shown.length - 1) * ROW + 24 + (rest > 0 ? ROW - 24 : 0);

  // The issuing org and date.
  const footY = contentEnd + 64;
  const [org = ''] = wrap(`出具组织：${cert.orgName}`, { maxWidth: inner, size: 22, maxLines: 1 });
  text({ text: org, x: W - PAD, y: footY, size: 22, color: INK, align: 'right' });
  text({ text: `出具日期：${cert.issuedText}`, x: W - PAD, y: footY + 36, size: 22, color: INK, align: 'right' });

  // The divider, then the mini-program code that verifies it.
  const divider = footY + 64;
  ops.push({ kind: 'rect', x: PAD, y: divider, w: inner, h: 2, color: '#EEEEEE', radius: 0 });
  const code = { x: PAD, y: divider + 20, w: 140, h: 140, radius: 0 };
  ops.push({ kind: 'image', slot: 'code', ...code });
  const captionX = code.x + code.w + 28;
  text({ text: '长按识别小程序码', x: captionX, y: code.y + 52, size: 26, bold: true, color: INK, align: 'left' });
  text({ text: '核验本证明的真实性', x: captionX, y: code.y + 92, size: 22, color: GREY, align: 'left' });
  text({ text: '或在小程序中输入证明编号', x: captionX, y: code.y + 124, size: 20, color: '#999999', align: 'left' });

  const height = code.y + code.h + 28;
  paper.h = height;
  return { width: W, height, ops };
}
