// The "Export" button of every plot: a disclosure that opens four format buttons (PNG at 2× for slides,
// SVG, and the plotted data as CSV or JSON). Keyboard: Enter/Space or ↓ opens and focuses the first
// format, ↑/↓/Home/End move between formats, Escape closes and returns to the button.
//
// CSV and JSON come from the Figure (figures/export.ts). PNG and SVG go through Plotly.toImage of the
// drawn graph div, with the Plotly module that drew it (PlotlyPlot's onReady): nothing here imports Plotly.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Figure } from '../../figures/types.ts';
import { exportFileName, figureToCsv, figureToJson } from '../../figures/export.ts';
import { useStrings } from '../strings.tsx';
import type { PlotlyModule } from '../plot/plotlyLoader.ts';
import { dataUrlToBlob, saveBlob } from './download.ts';
import { ExportFallbackDialog, type ExportedFile } from './ExportFallbackDialog.tsx';
import './export.css';

export type ExportFormat = 'png' | 'svg' | 'csv' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['png', 'svg', 'csv', 'json'];

/** PNG pixels per CSS pixel: sharp on slides and high-density screens. */
export const PNG_SCALE = 2;

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
  return format === 'png' || format === 'svg';
}

/** Builds the file of one format (the image at the plot's on-screen size). */
export async function exportFile(format: ExportFormat, src: ExportSource): Promise<ExportedFile> {
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
      const file = await exportFile(format, { figure, dataFigure, title, fileId, image });
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
          <button
            key={f}
            type="button"
            data-format={f}
            disabled={needsImage(f) && !image}
            onClick={() => void run(f)}
          >
            {strings[f]}
          </button>
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
