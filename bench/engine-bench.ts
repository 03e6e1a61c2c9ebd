/** Engine only: judging synthetic tables of 1k, 10k and 100k rows. Prints rows per second. */
import { validateWorkbook } from '../src/engine/validate';
import { syntheticWorkbook } from './synthetic-table';

for (const n of [1_000, 10_000, 100_000]) {
  const wb = syntheticWorkbook(n);
  validateWorkbook(syntheticWorkbook(200), { asOf: '2026-11-20' }); // warm up the JIT
  const start = process.hrtime.bigint();
  const result = validateWorkbook(wb, { asOf: '2026-11-20' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!result.ok) throw new Error(result.error.message.en);
  console.log(`engine  ${String(n).padStart(7)} rows  ${ms.toFixed(0).padStart(6)} ms  ${Math.round((n / ms) * 1000).toLocaleString('en-US').padStart(9)} rows/s`);
}
