import { describe, expect, it } from 'vitest';
import { LOSS_IDS } from '../../src/math/index.ts';
import {
  OKABE_ITO,
  PLOT_THEMES,
  PLOT_FONT_STACK,
  lossStyle,
  responseStyle,
  themeLayout,
} from '../../src/figures/index.ts';

/** WCAG 2 contrast ratio of two #RRGGBB colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string): number => {
    const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const l = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const themes = Object.values(PLOT_THEMES);
const okabeIto: string[] = Object.values(OKABE_ITO);

describe('plot themes', () => {
  it('are light, dark and projector', () => {
    expect(Object.keys(PLOT_THEMES)).toEqual(['light', 'dark', 'projector']);
    for (const [key, t] of Object.entries(PLOT_THEMES)) expect(t.name).toBe(key);
  });

  it('lay out with their own colours and fonts', () => {
    for (const t of themes) {
      const l = themeLayout(t);
      expect(l.paper_bgcolor).toBe(t.paper);
      expect(l.plot_bgcolor).toBe(t.plot);
      expect(l.font).toMatchObject({ family: t.fontFamily, size: t.fontSize, color: t.text });
      expect(l.xaxis?.gridcolor).toBe(t.grid);
      expect(l.yaxis?.zerolinecolor).toBe(t.zeroLine);
      expect(l.colorway).toEqual([...t.palette]);
      expect(l.hoverlabel?.bgcolor).toBe(t.paper);
    }
  });

  it('put a horizontal legend outside the plot area, above it', () => {
    for (const t of themes) {
      const legend = themeLayout(t).legend;
      expect(legend?.orientation).toBe('h');
      expect(legend?.yanchor).toBe('bottom');
      expect(legend?.y).toBeGreaterThan(1);
      expect(themeLayout(t).hovermode).toBe('x unified');
    }
  });

  it('use only Okabe–Ito colours (white for black on dark, a darker orange on the projector)', () => {
    expect(PLOT_THEMES.light.palette.every((c) => okabeIto.includes(c))).toBe(true);
    expect(PLOT_THEMES.dark.palette.filter((c) => !okabeIto.includes(c))).toEqual(['#FFFFFF']);
    expect(PLOT_THEMES.projector.palette.filter((c) => !okabeIto.includes(c))).toEqual(['#B07800']);
    for (const t of themes) expect(new Set(t.palette).size).toBe(t.palette.length);
  });

  it('give lines at least 3:1 contrast: the first five colours everywhere, all of them on dark and projector', () => {
    for (const t of themes) {
      for (const c of t.palette.slice(0, 5))
        expect(contrast(c, t.plot), `${t.name} ${c}`).toBeGreaterThanOrEqual(3);
      for (const c of [t.chosen, t.rejected, t.other]) expect(contrast(c, t.plot)).toBeGreaterThanOrEqual(3);
      expect(contrast(t.text, t.paper)).toBeGreaterThanOrEqual(7);
      expect(contrast(t.mutedText, t.paper)).toBeGreaterThanOrEqual(4.5);
    }
    for (const t of [PLOT_THEMES.dark, PLOT_THEMES.projector]) {
      for (const c of t.palette) expect(contrast(c, t.plot), `${t.name} ${c}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('make the projector theme large and thick', () => {
    const p = PLOT_THEMES.projector;
    expect(p.fontSize).toBeGreaterThanOrEqual(18);
    expect(p.lineWidth).toBeGreaterThanOrEqual(3.5);
    expect(p.fontSize).toBeGreaterThan(PLOT_THEMES.light.fontSize);
  });

  it('use the bundled CJK faces first, then the system fonts, and load nothing from elsewhere', () => {
    for (const t of themes) {
      expect(t.fontFamily).toBe(PLOT_FONT_STACK);
      // The bundled faces serve CJK code points only (build/cjkFont.ts); Latin goes on to system-ui.
      expect(t.fontFamily).toMatch(/^"DPO Explorer Noto Sans SC", system-ui,/);
      expect(t.fontFamily).toMatch(/sans-serif$/);
      expect(t.fontFamily).not.toMatch(/url\(|@import|https?:/);
    }
  });
});

describe('loss and response styles', () => {
  it('give the first three losses shown distinct colours in every theme, whatever they are', () => {
    for (const t of themes) {
      const colours = [0, 1, 2].map((i) => lossStyle(i, t).color);
      expect(new Set(colours).size).toBe(3);
    }
  });

  it('are stable: a position always gets the same style', () => {
    for (const t of themes) expect(lossStyle(4, t)).toEqual(lossStyle(4, t));
  });

  it('tell apart even all losses at once: repeated colours get another dash, symbols vary', () => {
    for (const t of themes) {
      const styles = LOSS_IDS.map((_, i) => lossStyle(i, t));
      const keys = styles.map((s) => `${s.color}|${s.dash}`);
      expect(new Set(keys).size).toBe(LOSS_IDS.length);
      expect(styles[0].dash).toBe('solid');
      expect(styles[t.palette.length].color).toBe(styles[0].color);
      expect(styles[t.palette.length].dash).not.toBe('solid');
      expect(new Set(styles.slice(0, 9).map((s) => s.symbol)).size).toBe(9);
    }
  });

  it('colour y_w, y_l and the other responses by the theme', () => {
    const t = PLOT_THEMES.light;
    expect(responseStyle(0, t)).toEqual({ color: t.chosen, dash: 'solid' });
    expect(responseStyle(1, t)).toEqual({ color: t.rejected, dash: 'dash' });
    expect(responseStyle(2, t).color).toBe(t.other);
    expect(responseStyle(3, t).dash).not.toBe(responseStyle(2, t).dash);
  });
});
