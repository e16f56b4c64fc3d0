import { en } from './en.js';
import { es } from './es.js';

export type Lang = 'es' | 'en';
export const LANGS: readonly Lang[] = ['es', 'en'];
export type MessageKey = keyof typeof en;
export type Params = Record<string, string | number>;

const catalogs: Record<Lang, Record<MessageKey, string>> = { en, es };

/** Looks a message up and fills `{name}` placeholders. */
export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  const template = catalogs[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export type Translate = (key: MessageKey, params?: Params) => string;
export const translator =
  (lang: Lang): Translate =>
  (key, params) =>
    t(lang, key, params);

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** LC_ALL, then LC_MESSAGES, then LANG: `es*` gives Spanish, anything else English. */
export function detectLang(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function messageCatalog(lang: Lang): Readonly<Record<MessageKey, string>> {
  return catalogs[lang];
}
