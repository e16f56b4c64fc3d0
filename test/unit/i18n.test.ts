import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { es } from '../../src/i18n/es.js';
import { detectLang, t } from '../../src/i18n/index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('has every key in both languages', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))(
    '%s uses the same placeholders in Spanish and English and is not empty',
    (key) => {
      const k = key as keyof typeof en;
      expect(es[k].trim()).not.toBe('');
      expect(placeholders(es[k])).toEqual(placeholders(en[k]));
    },
  );

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('es', 'error.unknownLesson', { id: 'x' })).toBe('No existe la lección "x".');
    expect(t('en', 'error.unknownLesson')).toContain('{id}');
  });

  it('picks Spanish from an es* locale, in LC_ALL, LC_MESSAGES, LANG order', () => {
    expect(detectLang({ LANG: 'es_MX.UTF-8' })).toBe('es');
    expect(detectLang({ LC_ALL: 'en_US.UTF-8', LANG: 'es_ES.UTF-8' })).toBe('en');
    expect(detectLang({ LC_MESSAGES: 'es_AR', LANG: 'C' })).toBe('es');
    expect(detectLang({})).toBe('en');
  });
});
