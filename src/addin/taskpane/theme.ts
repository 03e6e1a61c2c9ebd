import { Theme, webDarkTheme, webLightTheme } from '@fluentui/react-components';

/** The parts of Office.context.officeTheme the pane uses (https://learn.microsoft.com/javascript/api/office/office.officetheme). */
export type OfficeThemeColours = Partial<
  Pick<Office.OfficeTheme, 'bodyBackgroundColor' | 'bodyForegroundColor' | 'isDarkTheme'>
>;

/** WCAG relative luminance of "#RRGGBB" / "#RGB"; null when it is not such a colour. */
function luminance(colour: string | undefined): number | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour?.trim() ?? '');
  if (!m) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two luminances (1 to 21). */
function contrast(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/**
 * The pane's Fluent theme for Office's theme (Office.context.officeTheme; Excel on every platform but
 * Android): Fluent's dark theme when Office's is dark (Black or Dark Gray), else the light one, with
 * Office's body colours where every text of the pane stays readable on them (contrast 4.5:1, WCAG AA). Dark is
 * `isDarkTheme` where Office gives it (https://learn.microsoft.com/javascript/api/office/office.officetheme#office-office-officetheme-isdarktheme-member),
 * otherwise a body background on which white text reads better than black (luminance under 0.179).
 * Without a theme (an older Office, a browser): the light theme.
 */
export function paneTheme(office: OfficeThemeColours | null | undefined): Theme {
  const back = luminance(office?.bodyBackgroundColor);
  const dark = typeof office?.isDarkTheme === 'boolean' ? office.isDarkTheme : back !== null && back < 0.179;
  const base = dark ? webDarkTheme : webLightTheme;
  if (back === null) return base;
  // Office's body colours only where every text the pane draws stays readable on them (its body,
  // secondary and hint text); else Fluent's own, which are.
  const fore = luminance(office?.bodyForegroundColor);
  const text = [fore ?? luminance(base.colorNeutralForeground1), luminance(base.colorNeutralForeground2)];
  text.push(luminance(base.colorNeutralForeground3));
  if (text.some((t) => t === null || contrast(back, t) < 4.5)) return base;
  return {
    ...base,
    colorNeutralBackground1: office!.bodyBackgroundColor!,
    ...(fore !== null ? { colorNeutralForeground1: office!.bodyForegroundColor! } : {}),
  };
}
