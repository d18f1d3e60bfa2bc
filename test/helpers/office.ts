// Word and Excel files for tests, made the way the real programs make them: a .docx of paragraphs and runs (bold
// labels in their own run, tabs, Shift+Enter line breaks) and an .xlsx with typed cells (dates, times, numbers).
import { Document, Packer, Paragraph, Tab, TextRun } from 'docx';

/** A paragraph: plain text, or runs; a run's `bold` marks a label as Word users write them, `break` a line break before it. */
export type DocxParagraph = string | readonly { text: string; bold?: boolean; break?: boolean; tab?: boolean }[];

export async function docxFile(paragraphs: readonly DocxParagraph[]): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'collab-code tests',
    sections: [
      {
        children: paragraphs.map(
          (p) =>
            new Paragraph({
              children: (typeof p === 'string' ? [{ text: p }] : p).map(
                (run) => new TextRun({ bold: run.bold === true, ...(run.break === true ? { break: 1 } : {}), children: [...(run.tab === true ? [new Tab()] : []), run.text] }),
              ),
            }),
        ),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** An .xlsx whose first sheet holds `rows` (a Date is stored as a date serial with a date or time format). */
export async function xlsxFile(rows: readonly (readonly (string | number | Date | { time: Date })[])[], extraSheet = false): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Participants');
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = sheet.getCell(r + 1, c + 1);
      if (value instanceof Date) {
        cell.value = value;
        cell.numFmt = 'dd/mm/yyyy';
      } else if (typeof value === 'object') {
        cell.value = value.time;
        cell.numFmt = 'h:mm';
      } else cell.value = value;
    }),
  );
  if (extraSheet) workbook.addWorksheet('Notes').getCell(1, 1).value = 'not read';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
