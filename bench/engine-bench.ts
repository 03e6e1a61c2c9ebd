/**
 * Engine only: judging synthetic tables of 1k, 10k and 100k rows. Prints rows per second.
 * This machine is shared and noisy (the same run varies by ±20%), so each size is judged five times
 * and the median and the best are printed: the best is what the code can do, the median what to expect.
 */
import { validateWorkbook } from '../src/engine/validate';
import { syntheticWorkbook } from './synthetic-table';

const RUNS = 5;

function timeOnce(n: number): number {
  const wb = syntheticWorkbook(n);
  const start = process.hrtime.bigint();
  const result = validateWorkbook(wb, { asOf: '2026-11-20' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!result.ok) throw new Error(result.error.message.en);
  if (result.report.tasks.length !== n) throw new Error(`judged ${result.report.tasks.length} of ${n} rows`);
  return ms;
}

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US');
for (let i = 0; i < 3; i++) timeOnce(10_000); // warm up the JIT
for (const n of [1_000, 10_000, 100_000]) {
  const times = Array.from({ length: RUNS }, () => timeOnce(n)).sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)];
  const best = times[0];
  console.log(
    `engine  ${String(n).padStart(7)} rows  median ${median.toFixed(0).padStart(5)} ms (${rate(n, median).padStart(7)} rows/s)  best ${best.toFixed(0).padStart(5)} ms (${rate(n, best).padStart(7)} rows/s)`,
  );
}
