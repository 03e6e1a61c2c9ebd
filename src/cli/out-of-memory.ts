/*
 * The out-of-memory line, kept free of the engine's imports: the supervisor (supervisor.ts) prints it
 * without loading the CLI.
 */

function sizeText(bytes: number): string {
  return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** What to say when a workbook does not fit in memory: its size and what to do. */
export function outOfMemoryMessage(file: string, bytes: number): { zh: string; en: string } {
  return {
    zh: `内存不足：${file}（${sizeText(bytes)}）太大，无法在默认内存内处理；请把表格拆成几个文件，或用 node --max-old-space-size=8192 运行 luoshi`,
    en: `Out of memory: ${file} (${sizeText(bytes)}) is too large for the default memory; split the table into several files, or run luoshi with node --max-old-space-size=8192`,
  };
}
