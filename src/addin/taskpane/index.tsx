import { createRoot } from 'react-dom/client';
import { Theme, webLightTheme } from '@fluentui/react-components';
import { officeHost } from '../excel/host';
import { App } from './App';

/** Office's theme colours, where the host offers them (Office.context.officeTheme). */
function officeTheme(): Theme {
  const o = (Office.context as { officeTheme?: Office.OfficeTheme }).officeTheme;
  if (!o?.bodyBackgroundColor) return webLightTheme;
  return {
    ...webLightTheme,
    colorNeutralBackground1: o.bodyBackgroundColor,
    colorNeutralForeground1: o.bodyForegroundColor,
  };
}

Office.onReady(() => {
  const root = createRoot(document.getElementById('root')!);
  root.render(<App host={officeHost()} theme={officeTheme()} storage={window.localStorage} />);
});
