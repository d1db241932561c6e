// The "Export" button of every plot: a disclosure that opens five format buttons (PNG at 2×, PNG at slide
// size 1920 × 1080 with an optional caption of the settings, SVG, and the plotted data as CSV or JSON). Keyboard: Enter/Space or ↓ opens and focuses the first
// format, ↑/↓/Home/End move between formats, Escape closes and returns to the button.
//
// CSV and JSON come from the Figure (figures/export.ts). PNG and SVG go through Plotly.toImage of the
// drawn graph div, with the Plotly module that drew it (PlotlyPlot's onReady): nothing here imports Plotly.
import { Fragment, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Figure } from '../../figures/types.ts';
import { exportFileName, figureToCsv, figureToJson } from '../../figures/export.ts';
import { useStrings } from '../strings.tsx';
import type { PlotlyModule } from '../plot/plotlyLoader.ts';
import { dataUrlToBlob, saveBlob } from './download.ts';
import { ExportFallbackDialog, type ExportedFile } from './ExportFallbackDialog.tsx';
import { useSettingsCaption } from './settingsCaption.ts';
import './export.css';

export type ExportFormat = 'png' | 'slide' | 'svg' | 'csv' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['png', 'slide', 'svg', 'csv', 'json'];

/** PNG pixels per CSS pixel: sharp on slides and high-density screens. */
export const PNG_SCALE = 2;

/**
 * A slide image: 1920 × 1080 pixels, the plot laid out at half that in CSS pixels (960 × 540) and drawn at
 * 2×, so its text has the size it has on a screen relative to the plot, not the tiny size of a 1920 px
 * layout. A caption takes a strip of `captionHeight` CSS pixels at the bottom.
 */
export const SLIDE = { width: 1920, height: 1080, scale: 2, captionHeight: 32 } as const;

/** The drawn plot: its graph div and the Plotly module that drew it (from PlotlyPlot's onReady). */
export interface PlotImageSource {
  div: HTMLElement;
  plotly: Pick<PlotlyModule, 'toImage'>;
}

export interface ExportSource {
  figure: Figure;
  /**
   * The figure whose data the CSV and JSON hold, built when one is made (default: `figure`): every step of
   * a long run, where the drawn figure thins its series for drawing (figures/decimate.ts).
   */
  dataFigure?: () => Figure;
  /** The plot's heading: the JSON's title and the image's alternative text. */
  title: string;
  /** Names the files: dpo-explorer-<fileId>.<format>. */
  fileId: string;
  /** Null until Plotly has drawn the plot; PNG and SVG need it. */
  image: PlotImageSource | null;
}

export type ExportMenuProps = ExportSource;

function needsImage(format: ExportFormat): boolean {
  return format === 'png' || format === 'slide' || format === 'svg';
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('The image could not be read back.'));
    img.src = url;
  });
}

/** The slide image (SLIDE), with `caption` on a strip under the plot in the plot's own colours. */
async function slideImage(src: ExportSource, caption: string | null): Promise<string> {
  if (!src.image) throw new Error('The plot has not been drawn yet.');
  const w = SLIDE.width / SLIDE.scale;
  const h = SLIDE.height / SLIDE.scale - (caption ? SLIDE.captionHeight : 0);
  const plot = await src.image.plotly.toImage(src.image.div, {
    format: 'png',
    scale: SLIDE.scale,
    width: w,
    height: h,
  });
  if (!caption) return plot;
  const canvas = document.createElement('canvas');
  canvas.width = SLIDE.width;
  canvas.height = SLIDE.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No canvas to draw the caption on.');
  const layout = src.figure.layout;
  ctx.fillStyle = typeof layout.paper_bgcolor === 'string' ? layout.paper_bgcolor : '#ffffff';
  ctx.fillRect(0, 0, SLIDE.width, SLIDE.height);
  ctx.drawImage(await loadImage(plot), 0, 0);
  const font = layout.font ?? {};
  const size = Math.round((typeof font.size === 'number' ? font.size : 14) * SLIDE.scale);
  ctx.font = `${size}px ${font.family ?? 'sans-serif'}`;
  ctx.fillStyle = typeof font.color === 'string' ? font.color : '#000000';
  ctx.textBaseline = 'middle';
  // A caption too long for the slide is cut with an ellipsis rather than run off its edge.
  const room = SLIDE.width - 2 * 24 * SLIDE.scale;
  let text = caption;
  while (text.length > 1 && ctx.measureText(text).width > room) text = `${text.slice(0, -2)}…`;
  ctx.fillText(text, 24 * SLIDE.scale, SLIDE.height - (SLIDE.captionHeight * SLIDE.scale) / 2);
  return canvas.toDataURL('image/png');
}

/**
 * Builds the file of one format (the image at the plot's on-screen size; the slide image at SLIDE's, with
 * `caption` under it when given).
 */
export async function exportFile(
  format: ExportFormat,
  src: ExportSource,
  caption: string | null = null,
): Promise<ExportedFile> {
  if (format === 'slide') {
    const url = await slideImage(src, caption);
    return {
      name: exportFileName(`${src.fileId}-slide`, 'png'),
      blob: dataUrlToBlob(url),
      preview: { kind: 'image', url },
    };
  }
  const name = exportFileName(src.fileId, format);
  if (format === 'csv') {
    const text = figureToCsv(src.dataFigure?.() ?? src.figure);
    // The byte-order mark lets Excel read UTF-8 (ρ, β, Chinese trace names); pandas and R skip it.
    const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
    return { name, blob, preview: { kind: 'text', text } };
  }
  if (format === 'json') {
    const text = figureToJson(src.dataFigure?.() ?? src.figure, src.title);
    return { name, blob: new Blob([text], { type: 'application/json' }), preview: { kind: 'text', text } };
  }
  if (!src.image) throw new Error('The plot has not been drawn yet.');
  // width/height null: the size the plot has on screen, not Plotly's 700 × 450 default.
  const url = await src.image.plotly.toImage(
    src.image.div,
    format === 'png'
      ? { format: 'png', scale: PNG_SCALE, width: null, height: null }
      : { format: 'svg', width: null, height: null },
  );
  return { name, blob: dataUrlToBlob(url), preview: { kind: 'image', url } };
}

/** The enabled format buttons of an open list, in order. */
function formatButtons(list: HTMLElement | null): HTMLButtonElement[] {
  return Array.from(list?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? []);
}

type Status =
  { kind: 'idle' } | { kind: 'working' } | { kind: 'saved'; file: ExportedFile } | { kind: 'failed' };

export function ExportMenu({ figure, dataFigure, title, fileId, image }: ExportMenuProps) {
  const strings = useStrings().views.exportMenu;
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // A status belongs to the figure it was made from: once the plot changes it is stale and hidden.
  const [statusFigure, setStatusFigure] = useState<Figure | null>(null);
  const [dialog, setDialog] = useState<ExportedFile | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const [captioned, setCaptioned] = useState(true);
  const caption = useSettingsCaption();

  useEffect(() => {
    if (open) formatButtons(listRef.current)[0]?.focus();
  }, [open]);

  // A press anywhere outside closes the menu (focus need not have moved: Safari does not focus buttons).
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const closeMenu = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };

  const run = async (format: ExportFormat) => {
    closeMenu();
    setStatusFigure(figure);
    setStatus(needsImage(format) ? { kind: 'working' } : { kind: 'idle' });
    try {
      const file = await exportFile(
        format,
        { figure, dataFigure, title, fileId, image },
        captioned ? caption : null,
      );
      if (saveBlob(file.blob, file.name)) setStatus({ kind: 'saved', file });
      else {
        setStatus({ kind: 'idle' });
        setDialog(file);
      }
    } catch {
      setStatus({ kind: 'failed' });
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      closeMenu();
      return;
    }
    const list = formatButtons(listRef.current);
    if (e.target === toggleRef.current) {
      if (e.key === 'ArrowDown' && !open) {
        e.preventDefault();
        setOpen(true);
      }
      return;
    }
    const i = list.indexOf(e.target as HTMLButtonElement);
    if (i < 0 || list.length === 0) return;
    const next =
      e.key === 'ArrowDown'
        ? (i + 1) % list.length
        : e.key === 'ArrowUp'
          ? (i - 1 + list.length) % list.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? list.length - 1
              : -1;
    if (next >= 0) {
      e.preventDefault();
      list[next].focus();
    }
  };

  const current = statusFigure === figure ? status : ({ kind: 'idle' } as Status);
  const statusText =
    current.kind === 'working'
      ? strings.working
      : current.kind === 'saved'
        ? strings.saved(current.file.name)
        : current.kind === 'failed'
          ? strings.failed
          : '';

  return (
    <div
      className="export-menu"
      ref={rootRef}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        // Tabbing out closes the menu; a click elsewhere is handled by the pointerdown listener.
        const to = e.relatedTarget as Node | null;
        if (open && to && !rootRef.current?.contains(to)) setOpen(false);
      }}
    >
      <button
        ref={toggleRef}
        type="button"
        className="export-toggle"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={strings.buttonLabel(title)}
        onClick={() => setOpen((o) => !o)}
      >
        {strings.button}
        <span aria-hidden="true" className="export-caret">
          ▾
        </span>
      </button>
      <div
        ref={listRef}
        id={menuId}
        role="group"
        aria-label={strings.menuLabel(title)}
        className="export-list"
        hidden={!open}
      >
        {EXPORT_FORMATS.map((f) => (
          <Fragment key={f}>
            <button
              type="button"
              data-format={f}
              disabled={needsImage(f) && !image}
              onClick={() => void run(f)}
            >
              {strings[f]}
            </button>
            {/* Only while the list is open: a closed menu holds no form field (an embed without controls has none). */}
            {f === 'slide' && open && (
              <label className="export-caption">
                <input
                  type="checkbox"
                  checked={captioned}
                  onChange={(e) => setCaptioned(e.currentTarget.checked)}
                />{' '}
                {strings.slideCaption}
              </label>
            )}
          </Fragment>
        ))}
      </div>
      <span className="export-status" role="status">
        {statusText}
      </span>
      {current.kind === 'saved' && (
        <button type="button" className="export-show" onClick={() => setDialog(current.file)}>
          {strings.showInstead}
        </button>
      )}
      {dialog && (
        <ExportFallbackDialog
          file={dialog}
          title={title}
          onClose={() => {
            setDialog(null);
            toggleRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
