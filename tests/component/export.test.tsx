// The export menu of every view and the "Use in TRL" panel. Plotly cannot run in jsdom, so its loader is
// replaced by a fake module: the images then go through the same onReady → toImage path as in a browser
// (the real PNG/SVG are checked in Chromium).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { ViewSection } from '../../src/components/views/ViewSection.tsx';
import { ExportMenu } from '../../src/components/export/ExportMenu.tsx';
import { TrlSnippetPanel } from '../../src/components/export/TrlSnippetPanel.tsx';
import { figureToCsv, figureToJson } from '../../src/figures/export.ts';
import type { Figure } from '../../src/figures/types.ts';
import { EN } from '../../src/i18n/en/index.ts';
import { trlSnippet } from '../../src/components/export/trlSnippetText.ts';
import { renderWithStore } from './renderWithStore.tsx';
import { PSEUDO_TABLES, untranslated } from './pseudoLocale.ts';

const fakePlotly = vi.hoisted(() => ({
  react: vi.fn(() => Promise.resolve()),
  purge: vi.fn(),
  toImage: vi.fn((_div: unknown, opts: { format: string }) =>
    Promise.resolve(
      opts.format === 'png'
        ? 'data:image/png;base64,iVBORw0KGgo='
        : 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
    ),
  ),
}));

vi.mock('../../src/components/plot/plotlyLoader.ts', () => ({
  loadPlotly: () => Promise.resolve(fakePlotly),
  // No drag frames here: every draw is a full (fake) Plotly.react.
  loadPatchHelpers: () => Promise.resolve({ redrawNotes: () => false, redrawAxes: () => Promise.resolve() }),
}));

const FIGURE: Figure = {
  data: [
    { type: 'scatter', name: 'DPO, β = 0.1', x: [0, 1], y: [0.5, NaN] },
    { type: 'scatter', name: 'say "IPO"', x: new Float64Array([2]), y: new Float64Array([0.25]) },
  ],
  layout: {},
  summary: 'Two curves.',
};
const buildFigure = () => FIGURE;

interface Download {
  name: string;
  href: string;
  blob: Blob;
}

let downloads: Download[];
let blobs: Map<string, Blob>;

beforeEach(() => {
  downloads = [];
  blobs = new Map();
  let n = 0;
  URL.createObjectURL = vi.fn((b: Blob) => {
    const url = `blob:test/${++n}`;
    blobs.set(url, b);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({
      name: this.download,
      href: this.getAttribute('href') ?? '',
      blob: blobs.get(this.href)!,
    });
  });
  fakePlotly.toImage.mockClear();
  // Draws are frame-paced (drawScheduler), so a test must wait for its own draw, not an earlier test's.
  fakePlotly.react.mockClear();
});

afterEach(() => {
  vi.restoreAllMocks();
});

function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsText(blob);
  });
}

function renderView() {
  return renderWithStore(<ViewSection id="loss" figure={buildFigure} />);
}

/** Waits until the fake Plotly has drawn the plot (its image formats become available). */
async function plotDrawn() {
  await waitFor(() => expect(fakePlotly.react).toHaveBeenCalled());
  await act(async () => {});
}

const toggle = () => screen.getByRole('button', { name: `Export: ${EN.views.sections.loss.title}` });
const format = (name: string) => screen.getByRole('button', { name });

describe('the export menu of a view', () => {
  it('is a closed disclosure in the heading row that opens five formats and focuses the first', async () => {
    const { user, container } = renderView();
    await plotDrawn();
    const button = toggle();
    expect(button.textContent).toContain(EN.views.exportMenu.button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('.view-head')?.contains(button)).toBe(true);
    expect(screen.queryByRole('group')).toBeNull();

    await user.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const group = screen.getByRole('group', { name: `Export formats for ${EN.views.sections.loss.title}` });
    expect(button.getAttribute('aria-controls')).toBe(group.id);
    const items = within(group).getAllByRole('button');
    expect(items.map((b) => b.textContent)).toEqual([
      EN.views.exportMenu.png,
      EN.views.exportMenu.slide,
      EN.views.exportMenu.svg,
      EN.views.exportMenu.csv,
      EN.views.exportMenu.json,
    ]);
    expect(items.every((b) => b.getAttribute('type') === 'button')).toBe(true);
    expect(document.activeElement).toBe(items[0]);
  });

  it('works from the keyboard: ↓ opens, arrows move, Escape closes back onto the button, Tab away closes', async () => {
    const { user } = renderWithStore(
      <>
        <ViewSection id="loss" figure={buildFigure} />
        <button type="button">next on the page</button>
      </>,
    );
    await plotDrawn();
    toggle().focus();
    await user.keyboard('{ArrowDown}');
    const items = within(screen.getByRole('group')).getAllByRole('button');
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(items[2]);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(items[1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(items[4]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(toggle());
    expect(toggle().getAttribute('aria-expanded')).toBe('false');

    await user.keyboard('{Enter}');
    expect(screen.getByRole('group')).toBeTruthy();
    await user.keyboard('{End}');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'next on the page' }));
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('closes on a click elsewhere on the page', async () => {
    const { user } = renderView();
    await plotDrawn();
    await user.click(toggle());
    await user.click(document.body);
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('downloads the plotted data as CSV: long format, quoted, NaN empty, with a byte-order mark for Excel', async () => {
    const { user } = renderView();
    await plotDrawn();
    await user.click(toggle());
    await user.click(format(EN.views.exportMenu.csv));
    expect(downloads).toHaveLength(1);
    const [d] = downloads;
    expect(d.name).toBe('dpo-explorer-loss.csv');
    expect(d.href).toBe('blob:test/1');
    expect(d.blob.type).toBe('text/csv;charset=utf-8');
    const text = await blobText(d.blob);
    expect(text.replace(/^\uFEFF/, '')).toBe(figureToCsv(FIGURE));
    expect(text.replace(/^\uFEFF/, '')).toBe(
      'trace,x,y\n"DPO, β = 0.1",0,0.5\n"DPO, β = 0.1",1,\n"say ""IPO""",2,0.25\n',
    );
    // The anchor is gone, the menu closed with focus back on its button, and the download announced.
    expect(document.querySelector('a[download]')).toBeNull();
    expect(document.activeElement).toBe(toggle());
    expect(screen.getByRole('status').textContent).toBe(EN.views.exportMenu.saved('dpo-explorer-loss.csv'));
  });

  it('puts the data figure, not the drawn one, in the CSV and JSON where a view has one (every step of a long run)', async () => {
    const DATA: Figure = {
      ...FIGURE,
      data: [{ type: 'scatter', name: 'all steps', x: [0, 1, 2], y: [3, 4, 5] }],
    };
    const { user } = renderWithStore(<ViewSection id="loss" figure={buildFigure} dataFigure={() => DATA} />);
    await plotDrawn();
    await user.click(toggle());
    await user.click(format(EN.views.exportMenu.csv));
    await user.click(toggle());
    await user.click(format(EN.views.exportMenu.json));
    expect(downloads.map((d) => d.name)).toEqual(['dpo-explorer-loss.csv', 'dpo-explorer-loss.json']);
    expect((await blobText(downloads[0].blob)).replace(/^\uFEFF/, '')).toBe(figureToCsv(DATA));
    expect(await blobText(downloads[1].blob)).toBe(figureToJson(DATA, EN.views.sections.loss.title));
    expect(figureToCsv(DATA)).not.toBe(figureToCsv(FIGURE));
  });

  it('downloads the plotted data as JSON titled with the view’s heading', async () => {
    const { user } = renderView();
    await plotDrawn();
    await user.click(toggle());
    await user.click(format(EN.views.exportMenu.json));
    expect(downloads.map((d) => d.name)).toEqual(['dpo-explorer-loss.json']);
    expect(downloads[0].blob.type).toBe('application/json');
    const text = await blobText(downloads[0].blob);
    expect(text).toBe(figureToJson(FIGURE, EN.views.sections.loss.title));
    expect(JSON.parse(text)).toEqual({
      title: EN.views.sections.loss.title,
      traces: [
        { name: 'DPO, β = 0.1', type: 'scatter', x: [0, 1], y: [0.5, null] },
        { name: 'say "IPO"', type: 'scatter', x: [2], y: [0.25] },
      ],
    });
  });

  it('makes the PNG at 2× and the SVG through Plotly.toImage of the drawn graph div', async () => {
    const { user, container } = renderView();
    await plotDrawn();
    await user.click(toggle());
    await user.click(format(EN.views.exportMenu.png));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const graph = container.querySelector('.plot');
    expect(fakePlotly.toImage).toHaveBeenCalledWith(graph, {
      format: 'png',
      scale: 2,
      width: null,
      height: null,
    });
    expect(downloads[0].name).toBe('dpo-explorer-loss.png');
    expect(downloads[0].blob.type).toBe('image/png');
    expect(downloads[0].blob.size).toBe(8); // the PNG signature, decoded from base64

    await user.click(toggle());
    await user.click(format(EN.views.exportMenu.svg));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(fakePlotly.toImage).toHaveBeenLastCalledWith(graph, { format: 'svg', width: null, height: null });
    expect(downloads[1].name).toBe('dpo-explorer-loss.svg');
    expect(downloads[1].blob.type).toBe('image/svg+xml');
    expect(await blobText(downloads[1].blob)).toBe('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  });

  it('makes the slide PNG at 1920 × 1080: the plot laid out at 960 × 540 and drawn at 2×', async () => {
    const { user, container } = renderView();
    await plotDrawn();
    await user.click(toggle());
    // Without the caption (with it, the image is composed on a canvas: checked in Chromium, embedSizes.test.ts).
    const captionBox = screen.getByRole('checkbox', { name: EN.views.exportMenu.slideCaption });
    expect(captionBox).toHaveProperty('checked', true);
    await user.click(captionBox);
    await user.click(format(EN.views.exportMenu.slide));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(fakePlotly.toImage).toHaveBeenCalledWith(container.querySelector('.plot'), {
      format: 'png',
      scale: 2,
      width: 960,
      height: 540,
    });
    expect(downloads[0].name).toBe('dpo-explorer-loss-slide.png');
    expect(downloads[0].blob.type).toBe('image/png');
  });

  it('says so when the image cannot be made', async () => {
    fakePlotly.toImage.mockRejectedValueOnce(new Error('boom'));
    const { user } = renderView();
    await plotDrawn();
    await user.click(toggle());
    await user.click(format(EN.views.exportMenu.png));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(EN.views.exportMenu.failed));
    expect(downloads).toEqual([]);
  });

  it('offers the file in a dialog after a download, for pages where downloads are blocked', async () => {
    const { user } = renderView();
    await plotDrawn();
    await user.click(toggle());
    await user.click(format(EN.views.exportMenu.csv));
    await user.click(screen.getByRole('button', { name: EN.views.exportMenu.showInstead }));
    const dialog = screen.getByRole('dialog', { name: 'dpo-explorer-loss.csv' });
    const text = within(dialog).getByRole('textbox') as HTMLTextAreaElement;
    expect(text.value).toBe(figureToCsv(FIGURE));
    expect(text.readOnly).toBe(true);
    expect(document.activeElement).toBe(text);
    await user.click(within(dialog).getByRole('button', { name: EN.views.exportMenu.close }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(toggle());
  });

  it('shows the data straight away where this browser cannot download files', async () => {
    // @ts-expect-error: a browser without object URLs.
    URL.createObjectURL = undefined;
    const { user } = renderView();
    await plotDrawn();
    await user.click(toggle());
    await user.click(format(EN.views.exportMenu.json));
    // The file is made asynchronously (exportFile): wait for the dialog rather than assume one tick.
    const dialog = await screen.findByRole('dialog', { name: 'dpo-explorer-loss.json' });
    expect(downloads).toEqual([]);
    expect((within(dialog).getByRole('textbox') as HTMLTextAreaElement).value).toBe(
      figureToJson(FIGURE, EN.views.sections.loss.title),
    );
  });

  it('keeps PNG and SVG unavailable until Plotly has drawn the plot; CSV and JSON work at once', async () => {
    const { user } = renderWithStore(<ExportMenu figure={FIGURE} title="T" fileId="plane" image={null} />);
    await user.click(screen.getByRole('button', { name: 'Export: T' }));
    expect(format(EN.views.exportMenu.png)).toHaveProperty('disabled', true);
    expect(format(EN.views.exportMenu.svg)).toHaveProperty('disabled', true);
    // Focus goes to the first format that can be used.
    expect(document.activeElement).toBe(format(EN.views.exportMenu.csv));
    await user.click(format(EN.views.exportMenu.csv));
    expect(downloads.map((d) => d.name)).toEqual(['dpo-explorer-plane.csv']);
  });

  it('has no export menu when the plot failed (nothing to export), only the error and retry', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderWithStore(
      <ViewSection
        id="loss"
        figure={() => {
          throw new Error('bad figure');
        }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain(EN.views.plotFailed);
    expect(screen.queryByRole('button', { name: /^Export/ })).toBeNull();
  });
});

describe('the Use in TRL panel', () => {
  const expected = (losses: Parameters<typeof trlSnippet>[0]['losses']) =>
    trlSnippet(
      {
        losses,
        beta: 0.1,
        labelSmoothing: 0.1,
        ipoNormalization: 'token',
        discopopTau: 0.05,
        fDivergence: 'reverse_kl',
        fAlphaDivergenceCoef: 0.5,
        sftWeight: 0,
        extraTerms: [],
        ldAlpha: 1,
        wpoWeighting: false,
        desirableWeight: 1,
        undesirableWeight: 1,
        z0Mode: 'kl',
        z0: 0,
        simpoGamma: 0.5,
        cpoAlpha: 1,
        learningRate: 0.05,
        optimizer: 'adam',
      },
      EN.trl,
      (id) => EN.losses[id].label,
    );

  it('shows the code for the chosen losses untranslated, with its notes, and follows the store', async () => {
    const { container, user, store } = renderWithStore(<TrlSnippetPanel />, { losses: ['cdpo', 'ipo'] });
    const details = container.querySelector('details')!;
    expect(details.open).toBe(false);
    await user.click(screen.getByText(EN.trl.heading));
    expect(details.open).toBe(true);
    const code = container.querySelector('pre > code')!;
    expect(code.getAttribute('translate')).toBe('no');
    expect(code.textContent).toBe(expected(['cdpo', 'ipo']).code);
    expect(screen.getByRole('region', { name: EN.trl.codeLabel })).toBeTruthy();
    const notes = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(notes).toEqual([EN.trl.notes.cdpo, EN.trl.notes.ipoToken]);

    act(() => store.getState().update({ losses: ['kto'] }));
    expect(code.textContent).toBe(expected(['kto']).code);
    expect(code.textContent).toMatch(/^from trl import KTOConfig/);
  });

  it('copies the code to the clipboard', async () => {
    const { user, container } = renderWithStore(<TrlSnippetPanel defaultOpen />, { losses: ['sigmoid'] });
    const write = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByRole('button', { name: EN.trl.copy }));
    expect(write).toHaveBeenCalledWith(container.querySelector('code')!.textContent);
    expect(screen.getByRole('status').textContent).toBe(EN.trl.copied);
  });

  it('selects the code for a manual copy when the clipboard refuses', async () => {
    const { user, container } = renderWithStore(<TrlSnippetPanel defaultOpen />, { losses: ['sigmoid'] });
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await user.click(screen.getByRole('button', { name: EN.trl.copy }));
    expect(screen.getByRole('status').textContent).toBe(EN.trl.copyFailed);
    expect(window.getSelection()?.toString()).toBe(container.querySelector('code')!.textContent);
  });
});

// Every visible word must come from the strings table (pseudoLocale.ts).
describe('no hard-coded English', () => {
  it('in the export menu, its status, its dialog and the TRL panel', async () => {
    const pseudo = PSEUDO_TABLES.en.views;
    const { user, container } = renderWithStore(
      <>
        <ViewSection id="loss" figure={() => ({ ...FIGURE, summary: '⟦Two curves.⟧' })} />
        <TrlSnippetPanel defaultOpen />
      </>,
      { losses: ['cdpo', 'kto'] },
      PSEUDO_TABLES,
    );
    await plotDrawn();
    await user.click(screen.getByRole('button', { name: /^⟦Export/ }));
    await user.click(screen.getByRole('button', { name: pseudo.exportMenu.csv }));
    await user.click(screen.getByRole('button', { name: pseudo.exportMenu.showInstead }));
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(untranslated(container)).toEqual([]);
  });
});
