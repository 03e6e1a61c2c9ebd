import { createRoot } from 'react-dom/client';
import { WorkbookData } from '../../src/engine/model/workbook';
import { App } from '../../src/addin/taskpane/App';
import { testHost } from '../office-host/context';
import { hostWorkbookOf, HostWorkbook } from '../office-host/model';

declare global {
  interface Window {
    luoshiHarness: {
      start(data: WorkbookData, options: { lang?: string; now: string }): void;
      model?: HostWorkbook;
      syncs?: number[];
    };
  }
}

window.luoshiHarness = {
  start(data, options) {
    const model = hostWorkbookOf(data);
    const host = testHost(model, { lang: options.lang ?? 'zh-CN' });
    window.luoshiHarness.model = model;
    Object.defineProperty(window.luoshiHarness, 'syncs', { get: () => host.contexts.map((c) => c.syncs.length) });
    createRoot(document.getElementById('root')!).render(<App host={host} now={() => new Date(options.now)} />);
  },
};
