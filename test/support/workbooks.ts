// An export's workbook as the organiser downloads it (its temporary link), and its rows.
import ExcelJS from 'exceljs';

export async function workbookAt(url: string): Promise<ExcelJS.Workbook> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`download ${url}: HTTP ${res.status}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's rows (header first), each cell's value or ''. */
export const rowsOf = (sheet: ExcelJS.Worksheet) =>
  sheet.getSheetValues().flatMap((r) => (Array.isArray(r) ? [r.slice(1).map((v) => (v ?? '') as unknown)] : []));
