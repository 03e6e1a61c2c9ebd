import { createRoot } from 'react-dom/client';
import { officeHost } from '../excel/host';
import { App } from './App';
import { paneTheme } from './theme';

/** The browser's storage, or null where reaching it throws (storage blocked). */
function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

Office.onReady(() => {
  const root = createRoot(document.getElementById('root')!);
  // Office's theme, dark or light, where the host offers one (Office.context.officeTheme).
  const office = (Office.context as { officeTheme?: Office.OfficeTheme }).officeTheme;
  root.render(<App host={officeHost()} theme={paneTheme(office)} storage={localStore()} />);
});
