import { createContext, useContext } from 'react';
import { translator, type Lang, type Translate } from '../i18n/index.js';

/** What every component needs to draw: language, colour and the terminal's size. */
export interface Look {
  lang: Lang;
  t: Translate;
  color: boolean;
  columns: number;
  rows: number;
}

export const LookContext = createContext<Look>({
  lang: 'en',
  t: translator('en'),
  color: false,
  columns: 80,
  rows: 24,
});
export const useLook = () => useContext(LookContext);

/** A colour when colour is on (NO_COLOR and dumb terminals get none). */
export const tint = (look: Pick<Look, 'color'>, color: string): string | undefined =>
  look.color ? color : undefined;
