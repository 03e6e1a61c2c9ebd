/**
 * The newest Excel API set Luoshi calls: Range.getMergedAreasOrNullObject (ExcelApi 1.13). Older
 * members it uses: RangeAreas, page layout and suspendScreenUpdatingUntilNextSync (1.9), freeze panes
 * (1.7), getRangeByIndexes (1.7), conditional formats and suspendApiCalculationUntilNextSync (1.6),
 * getUsedRangeOrNullObject and names.add (1.4), functions.date (1.2). manifest.xml declares the same set.
 */
export const REQUIRED_API_SET = { name: 'ExcelApi', version: '1.13' } as const;
