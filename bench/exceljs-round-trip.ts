/** The baseline of write-bench: a bare exceljs read + write of a file, as a script of its own (node exceljs-round-trip.js IN OUT). */
import ExcelJS from 'exceljs';

export async function exceljsRoundTrip(input: string, output: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  await wb.xlsx.writeFile(output);
}

if (require.main === module) exceljsRoundTrip(process.argv[2], process.argv[3]);
