import { createRoot } from 'react-dom/client';
import { WorkbookData } from '../../src/engine/model/workbook';
import { App } from '../../src/addin/taskpane/App';
import { paneTheme } from '../../src/addin/taskpane/theme';
import { testHost } from '../office-host/context';
import { hostWorkbookOf, HostWorkbook } from '../office-host/model';

/** localStorage as the pane uses it, in memory: what the pane keeps per user is readable by the test. */
class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

declare global {
  interface Window {
    luoshiHarness: {
      /**
       * Renders the pane on the test host holding `data`. `officeTheme` stands for Office.context.officeTheme
       * (the pane's theme comes from paneTheme, as in index.tsx); the pane's storage is in memory.
       */
      start(
        data: WorkbookData,
        options: { lang?: string; now: string; officeTheme?: { bodyBackgroundColor?: string; isDarkTheme?: boolean } },
      ): void;
      model?: HostWorkbook;
      syncs?: number[];
      /** The pane's localStorage, as key → value. */
      storage?: Record<string, string>;
      /**
       * [start, end] (performance.now()) of each request the test host carried out: Excel's own work, which
       * in Office runs in Excel and not on the pane's thread, so the blocking measured for the pane leaves it out.
       */
      excelTime: Array<[number, number]>;
    };
  }
}

/** Times each request of `host` (model.beforeRequest marks its start; the sync's settling its end) into excelTime. */
function timed(host: ReturnType<typeof testHost>, excelTime: Array<[number, number]>): ReturnType<typeof testHost> {
  let startedAt = 0;
  host.model.beforeRequest = () => void (startedAt = performance.now());
  const run = host.run.bind(host);
  host.run = (batch, runOptions) =>
    run((context) => {
      const sync = context.sync.bind(context);
      context.sync = (async () => {
        startedAt = 0;
        try {
          await sync();
        } finally {
          if (startedAt) excelTime.push([startedAt, performance.now()]);
        }
      }) as typeof context.sync;
      return batch(context);
    }, runOptions);
  return host;
}

window.luoshiHarness = {
  excelTime: [],
  start(data, options) {
    const model = hostWorkbookOf(data);
    const host = timed(testHost(model, { lang: options.lang ?? 'zh-CN' }), window.luoshiHarness.excelTime);
    const storage = new MemoryStorage();
    window.luoshiHarness.model = model;
    Object.defineProperty(window.luoshiHarness, 'syncs', { get: () => host.contexts.map((c) => c.syncs.length) });
    Object.defineProperty(window.luoshiHarness, 'storage', { get: () => Object.fromEntries(storage.items) });
    createRoot(document.getElementById('root')!).render(
      <App host={host} now={() => new Date(options.now)} storage={storage} theme={paneTheme(options.officeTheme)} />,
    );
  },
};
