import { Report } from '../model/report';
import { pick } from './labels';

/** The line under every generated sheet's title: as of when, warning days, which sheet of which file. */
export function describeRun(report: Report, fileName: string): string {
  const lang = report.lang;
  return pick(
    lang,
    `校验日期 ${report.asOf}　临期提醒 ${report.warnDays} 天　年度 ${report.year}　工作表“${report.sheet}”${fileName ? `　文件 ${fileName}` : ''}　落实 ${report.version}`,
    `As of ${report.asOf} · warning ${report.warnDays} days · year ${report.year} · sheet "${report.sheet}"${fileName ? ` · file ${fileName}` : ''} · Luoshi ${report.version}`,
  );
}
