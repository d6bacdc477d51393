/**
 * The pages' stylesheet and script, read once at start and served with a content hash in their
 * URL, so browsers may cache them for a year and a new version is fetched at once.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { Locale } from '../../core/languages.ts';
import { SRC } from '../../source-root.ts';

const read = (name: string) => readFileSync(new URL(`http/assets/${name}`, SRC), 'utf8');
/** FullCalendar's standard bundle (decision 015), served from the package: no CDN. */
const fullCalendarPackage = createRequire(import.meta.url).resolve('fullcalendar/package.json');
const fullCalendar = readFileSync(join(dirname(fullCalendarPackage), 'index.global.min.js'), 'utf8');
/**
 * FullCalendar's own wording and week rules for the dashboard's languages (its "no events",
 * "all day", "more", first day of the week), from the package its bundle comes with; English is
 * built in. Loaded after the bundle, each registers itself under its code.
 */
const fullCalendarLocale = (code: string) =>
  readFileSync(createRequire(fullCalendarPackage).resolve(`@fullcalendar/core/locales/${code}.global.min.js`), 'utf8');
/** Chart.js's UMD bundle for the reports page (SPEC §12), served from the package: no CDN. */
const chartJs = readFileSync(
  // The package exports no package.json: its main entry sits in dist/, beside the UMD bundle.
  join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js'),
  'utf8',
);
const hashOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);

const FILES = {
  'app.css': { body: read('app.css'), type: 'text/css; charset=utf-8' },
  'admin.css': { body: read('admin.css'), type: 'text/css; charset=utf-8' },
  'booker.js': { body: read('booker.js'), type: 'text/javascript; charset=utf-8' },
  'admin-calendar.js': { body: read('admin-calendar.js'), type: 'text/javascript; charset=utf-8' },
  'fullcalendar.js': { body: fullCalendar, type: 'text/javascript; charset=utf-8' },
  'admin-reports.js': { body: read('admin-reports.js'), type: 'text/javascript; charset=utf-8' },
  'chart.js': { body: chartJs, type: 'text/javascript; charset=utf-8' },
  'fullcalendar-fr.js': { body: fullCalendarLocale('fr'), type: 'text/javascript; charset=utf-8' },
  'fullcalendar-de.js': { body: fullCalendarLocale('de'), type: 'text/javascript; charset=utf-8' },
  'fullcalendar-es.js': { body: fullCalendarLocale('es'), type: 'text/javascript; charset=utf-8' },
  'fullcalendar-pt.js': { body: fullCalendarLocale('pt'), type: 'text/javascript; charset=utf-8' },
} as const;

export const ASSETS = {
  css: `/assets/app.css?v=${hashOf(FILES['app.css'].body)}`,
  adminCss: `/assets/admin.css?v=${hashOf(FILES['admin.css'].body)}`,
  js: `/assets/booker.js?v=${hashOf(FILES['booker.js'].body)}`,
  calendarJs: `/assets/admin-calendar.js?v=${hashOf(FILES['admin-calendar.js'].body)}`,
  fullCalendarJs: `/assets/fullcalendar.js?v=${hashOf(FILES['fullcalendar.js'].body)}`,
  reportsJs: `/assets/admin-reports.js?v=${hashOf(FILES['admin-reports.js'].body)}`,
  chartJs: `/assets/chart.js?v=${hashOf(FILES['chart.js'].body)}`,
  /** FullCalendar's locale per dashboard language (none for English: the bundle's own). */
  fullCalendarLocaleJs: {
    en: null,
    fr: `/assets/fullcalendar-fr.js?v=${hashOf(FILES['fullcalendar-fr.js'].body)}`,
    de: `/assets/fullcalendar-de.js?v=${hashOf(FILES['fullcalendar-de.js'].body)}`,
    es: `/assets/fullcalendar-es.js?v=${hashOf(FILES['fullcalendar-es.js'].body)}`,
    pt: `/assets/fullcalendar-pt.js?v=${hashOf(FILES['fullcalendar-pt.js'].body)}`,
  } as Readonly<Record<Locale, string | null>>,
};

export function assetRoutes(): Hono {
  const assets = new Hono();
  for (const [name, file] of Object.entries(FILES)) {
    assets.get(`/${name}`, (c) =>
      c.body(file.body, 200, { 'content-type': file.type, 'cache-control': 'public, max-age=31536000, immutable' }),
    );
  }
  return assets;
}
