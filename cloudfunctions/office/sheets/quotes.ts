// Reading a quote sheet (.xlsx or .csv) into rows, with every bad row named.
// Pure apart from the spreadsheet library: no database here.
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import type { ImportRowError } from '../../../typings/study';
import { isCalendarDay } from '../../_shared/validation';

export interface ImportRow {
  row: number;
  text: string;
  source: string;
  day: string | null;
  sample: boolean;
}

export const MAX_IMPORT_ROWS = 500;

const HEADERS: Record<string, keyof Omit<ImportRow, 'row'>> = {
  内容: 'text',
  金句: 'text',
  text: 'text',
  出处: 'source',
  来源: 'source',
  source: 'source',
  日期: 'day',
  排期: 'day',
  day: 'day',
  示例: 'sample',
  sample: 'sample',
};

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return String(v.result ?? '');
  }
  return String(v);
}

export async function readSheet(content: Buffer, fileName: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  if (/\.csv$/i.test(fileName)) {
    // Excel saves CSV with a BOM.
    const text = content.toString('utf8').replace(/^\uFEFF/, '');
    // Keep every cell as written: the default mapping turns "2026-12-01" into a Date at
    // local midnight, which under TZ=Asia/Shanghai is the previous day in UTC.
    sheet = await wb.csv.read(Readable.from([text]), { map: (value: unknown) => value });
  } else {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
    sheet = wb.worksheets[0];
  }
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (r, n) => {
    const values = (r.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    rows[n - 1] = values;
  });
  return Array.from(rows, (r) => r ?? []);
}

export function parseRows(table: string[][]): { rows: ImportRow[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const header = (table[0] ?? []).map((h) => HEADERS[h.trim()] ?? null);
  if (!header.includes('text') || !header.includes('source')) {
    return { rows: [], errors: [{ row: 1, message: '表头需要包含「内容」和「出处」两列' }] };
  }
  const body = table.slice(1);
  if (body.filter((r) => r.some((c) => c.trim())).length > MAX_IMPORT_ROWS) {
    return { rows: [], errors: [{ row: 1, message: `一次最多导入 ${MAX_IMPORT_ROWS} 条` }] };
  }
  const rows: ImportRow[] = [];
  const seenDays = new Map<string, number>();
  body.forEach((cells, i): void => {
    const rowNo = i + 2;
    if (!cells.some((c) => c.trim())) return;
    const get = (k: keyof Omit<ImportRow, 'row'>) => (cells[header.indexOf(k)] ?? '').trim();
    const text = get('text');
    const source = get('source');
    const day = get('day') || null;
    const sampleRaw = get('sample');
    const fail = (message: string): void => void errors.push({ row: rowNo, message });
    if ([...text].length < 2 || [...text].length > 200) return fail('内容需为 2–200 个字');
    if ([...source].length < 1 || [...source].length > 60) return fail('出处不能为空，且不超过 60 个字');
    if (day && !isCalendarDay(day)) return fail('日期应为有效的 YYYY-MM-DD，例如 2026-12-01');
    if (day && seenDays.has(day)) return fail(`日期 ${day} 与第 ${seenDays.get(day)} 行重复`);
    if (sampleRaw && !['是', '否', 'true', 'false', '1', '0'].includes(sampleRaw))
      return fail('「示例」一栏请填写 是 或 否');
    if (day) seenDays.set(day, rowNo);
    rows.push({ row: rowNo, text, source, day, sample: ['是', 'true', '1'].includes(sampleRaw) });
  });
  return { rows: errors.length ? [] : rows, errors };
}
