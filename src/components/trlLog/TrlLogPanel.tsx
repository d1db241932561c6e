// "Your TRL log": open a trainer_state.json (file picker, drop, or paste), read it off the main thread,
// and show what it is, "what this run shows" (each finding with a link to the toy or lesson step showing
// the same effect) and its logged metrics with TRL's names. Everything stays in this browser: the log is
// never uploaded and never put in the link (it is held in this module, not in the store that links mirror).
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type MouseEvent,
} from 'react';
import type { Finding, TrainerLog, TrainerLogErrorKind, NotPreferenceKind } from '../../logs/index.ts';
import {
  FINDING_LINKS,
  SMOOTHING_ROWS,
  TRAINER_STYLE,
  logMetricGroups,
  logPartSeries,
  type FindingLink,
  type LogMetricGroupSeries,
  type LogReadResult,
} from '../../derive/trlLog.ts';
import { trlLogFigure } from '../../figures/trlLogFigure.ts';
import type { AppState } from '../../state/appState.ts';
import { pickAppState } from '../../state/store.ts';
import { parseHash, stateToHash } from '../../state/urlCodec.ts';
import { usePlotTheme } from '../environment.tsx';
import { useStoreApi } from '../storeContext.tsx';
import { useStrings } from '../strings.tsx';
import { lessonStepHref } from '../lessons/lessonLinks.ts';
import { ViewSection } from '../views/ViewSection.tsx';
import { usePanelColumns } from '../views/usePanelColumns.ts';
import { readLog, type LogSource } from './readLog.ts';
import './trlLog.css';

interface Shown {
  /** The file's name; null for pasted text. */
  name: string | null;
  log: TrainerLog;
  findings: Finding[];
}

type Problem = { kind: TrainerLogErrorKind; found?: NotPreferenceKind } | { unexpected: string };

/**
 * The last log shown, kept while the page lives: closing the panel or visiting a finding's lesson and
 * coming back shows it again. Never written anywhere else.
 */
let lastShown: Shown | null = null;

const DEFAULT_SMOOTHING = 11;

/** A finding's link: the lesson step, or the toy's state, as this viewer sees the page (theme, language). */
function findingHref(link: FindingLink, viewer: Readonly<AppState>): string {
  if ('lesson' in link) return lessonStepHref(link.lesson, link.step, viewer);
  const { state } = parseHash(`#${link.toy}`);
  return stateToHash({ ...state, theme: viewer.theme, lang: viewer.lang, showControls: viewer.showControls });
}

export function TrlLogPanel({ onClose }: { onClose: () => void }) {
  const strings = useStrings();
  const t = strings.trlLog;
  const api = useStoreApi();
  const theme = usePlotTheme();
  const maxColumns = usePanelColumns();
  const id = useId();
  const [shown, setShown] = useState<Shown | null>(lastShown);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [reading, setReading] = useState(false);
  const [dragging, setDragging] = useState(false);
  // Uncontrolled: a pasted 10 MB log is not copied into state and re-rendered on every keystroke.
  const pasteBox = useRef<HTMLTextAreaElement>(null);
  const [smoothing, setSmoothing] = useState(DEFAULT_SMOOTHING);
  // Only the newest request is shown: a log opened while another is read replaces it.
  const latest = useRef(0);

  const open = (source: LogSource, name: string | null) => {
    const request = ++latest.current;
    setReading(true);
    const done = (r: LogReadResult | Problem) => {
      if (request !== latest.current) return;
      setReading(false);
      if ('ok' in r && r.ok) {
        lastShown = { name, log: r.log, findings: r.findings };
        setShown(lastShown);
        setProblem(null);
      } else if ('ok' in r) {
        // The last good log stays shown under the message.
        setProblem(r.found === undefined ? { kind: r.kind } : { kind: r.kind, found: r.found });
      } else setProblem(r);
    };
    readLog(source).then(done, (err: unknown) =>
      done({ unexpected: err instanceof Error ? err.message : String(err) }),
    );
  };

  const openFile = (file: File | undefined) => {
    if (file) open({ file }, file.name);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    openFile(e.dataTransfer.files[0]);
  };

  const followLink = (e: MouseEvent<HTMLAnchorElement>, link: FindingLink) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    // The link's own navigation loads the state (urlSync reads the new hash); the panel gives way to it.
    onClose();
    if ('toy' in link) requestAnimationFrame(() => document.getElementById('views')?.scrollIntoView());
  };

  const viewer = pickAppState(api.getState());
  const shownName = shown ? (shown.name ?? t.pasted) : '';
  const trainerName = shown ? t.trainerName[shown.log.trainer] : '';

  return (
    <section className="trl-log" id="trl-log" aria-labelledby={`${id}-h`}>
      <div className="trl-log-head">
        <h2 id={`${id}-h`}>{t.heading}</h2>
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <p>{t.intro}</p>
      <div className="trl-log-open">
        <div
          className={`file-drop trl-log-drop${dragging ? ' dragging' : ''}`}
          data-testid="trl-log-drop"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label htmlFor={`${id}-file`} className="file-pick">
            {t.chooseFile}
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".json,application/json,text/plain"
            className="visually-hidden"
            onChange={(e) => {
              openFile(e.currentTarget.files?.[0]);
              // The same file chosen again must read again.
              e.currentTarget.value = '';
            }}
          />
          <span>{t.dropHere}</span>
        </div>
        <div className="trl-log-paste">
          <label htmlFor={`${id}-paste`}>{t.pasteLabel}</label>
          <textarea id={`${id}-paste`} rows={3} spellCheck={false} ref={pasteBox} />
          <button type="button" onClick={() => open({ text: pasteBox.current?.value ?? '' }, null)}>
            {t.read}
          </button>
        </div>
      </div>
      <p role="status" className="trl-log-status">
        {reading ? t.reading : shown ? t.loaded(shownName, trainerName) : ''}
      </p>
      {problem && (
        <div role="alert" className="trl-log-problem">
          <p>
            <strong>{t.errorHeading}</strong>{' '}
            {'unexpected' in problem ? problem.unexpected : t.error(problem.kind, problem.found)}
          </p>
          {shown && <p>{t.keptLast(shownName)}</p>}
        </div>
      )}
      {shown && (
        <ShownLog
          key={`${shownName}-${shown.log.train.step.length}`}
          shown={shown}
          smoothing={smoothing}
          setSmoothing={setSmoothing}
          theme={theme}
          maxColumns={maxColumns}
          hrefOf={(link) => findingHref(link, viewer)}
          onFollow={followLink}
        />
      )}
    </section>
  );
}

function ShownLog({
  shown,
  smoothing,
  setSmoothing,
  theme,
  maxColumns,
  hrefOf,
  onFollow,
}: {
  shown: Shown;
  smoothing: number;
  setSmoothing: (rows: number) => void;
  theme: ReturnType<typeof usePlotTheme>;
  maxColumns: number;
  hrefOf: (link: FindingLink) => string;
  onFollow: (e: MouseEvent<HTMLAnchorElement>, link: FindingLink) => void;
}) {
  const strings = useStrings();
  const t = strings.trlLog;
  const { log, findings } = shown;
  const trainer = t.trainerName[log.trainer];
  const smoothingId = useId();
  // The plots come a frame after the findings: the words are on screen first, and the metrics' series
  // (a moving mean over every row of a 10 MB log) are built in a task of their own.
  const [plotsOn, setPlotsOn] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPlotsOn(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  const train = useMemo(
    () => (plotsOn ? logMetricGroups(logPartSeries(log.train, smoothing)) : []),
    [plotsOn, log, smoothing],
  );
  const evalGroups = useMemo(
    () => (plotsOn ? logMetricGroups(logPartSeries(log.eval, smoothing)) : []),
    [plotsOn, log, smoothing],
  );
  const steps = log.train.step;
  const plotProps = { trainer, style: TRAINER_STYLE[log.trainer], theme, maxColumns };

  return (
    <>
      <section className="trl-log-about" aria-labelledby={`${smoothingId}-about`}>
        <h3 id={`${smoothingId}-about`}>{t.aboutHeading}</h3>
        <ul>
          <li>{t.trainer(log.trainer, log.source)}</li>
          <li>{t.rows(steps.length, log.eval.step.length, steps[0] ?? 0, steps[steps.length - 1] ?? 0)}</li>
          <li>{t.logpUnit(log.logpUnit, log.inferred.logpUnit)}</li>
          <li>{t.beta(log.beta)}</li>
        </ul>
      </section>
      <section className="trl-log-findings" aria-labelledby={`${smoothingId}-findings`}>
        <h3 id={`${smoothingId}-findings`}>{t.findingsHeading}</h3>
        {findings.length === 0 ? (
          <p>{t.noFindings}</p>
        ) : (
          <ul>
            {findings.map((f) => {
              const link = FINDING_LINKS[f.id];
              const linkText = f.id === 'accuracy-granularity' ? '' : t.findingLink[f.id];
              return (
                <li key={f.id} data-finding={f.id}>
                  <p>
                    <strong>{t.findingTitle(f)}</strong>{' '}
                    <span className="trl-log-steps">{t.steps(...f.steps)}</span>
                  </p>
                  <p>{t.findingText(f)}</p>
                  {link && linkText && (
                    <p>
                      <a href={hrefOf(link)} onClick={(e) => onFollow(e, link)}>
                        {linkText}
                      </a>
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section className="trl-log-plots" aria-labelledby={`${smoothingId}-plots`}>
        <div className="trl-log-plots-head">
          <h3 id={`${smoothingId}-plots`}>{t.plotsHeading}</h3>
          <label className="trl-log-smoothing" htmlFor={smoothingId}>
            {t.smoothing}{' '}
            <select
              id={smoothingId}
              value={smoothing}
              onChange={(e) => setSmoothing(Number(e.currentTarget.value))}
            >
              {SMOOTHING_ROWS.map((rows) => (
                <option key={rows} value={rows}>
                  {t.smoothingRows(rows)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p>{t.trainCaption}</p>
        {plotsOn ? (
          <>
            {train.map((g) => (
              <GroupPlot key={`train-${g.group}`} part="train" group={g} {...plotProps} />
            ))}
            {evalGroups.map((g) => (
              <GroupPlot key={`eval-${g.group}`} part="eval" group={g} {...plotProps} />
            ))}
          </>
        ) : (
          <p className="trl-log-plots-pending">{t.reading}</p>
        )}
      </section>
    </>
  );
}

/**
 * One group's metrics of a part (train or eval) as a plot of its own (view-trl-log-<part>-<group>), with its
 * own export menu: each Plotly draw is then one small task (the draw queue draws one plot per frame).
 */
function GroupPlot({
  part,
  group,
  trainer,
  style,
  theme,
  maxColumns,
}: {
  part: 'train' | 'eval';
  group: LogMetricGroupSeries;
  trainer: string;
  style: (typeof TRAINER_STYLE)[keyof typeof TRAINER_STYLE];
  theme: ReturnType<typeof usePlotTheme>;
  maxColumns: number;
}) {
  const strings = useStrings();
  const t = strings.trlLog;
  const partTitle = part === 'train' ? t.trainTitle : t.evalTitle;
  const title = t.plotTitle(partTitle, group.group);
  const caption =
    part === 'train' ? t.groupCaption[group.group] : `${t.groupCaption[group.group]} ${t.evalCaption}`;
  const figureOf = useCallback(
    (maxDrawnPoints?: number) =>
      trlLogFigure(
        { style, trainer, part: title, metrics: group.metrics },
        { theme, strings: strings.figures, text: t, maxColumns, maxDrawnPoints },
      ),
    [style, trainer, title, group, theme, strings.figures, t, maxColumns],
  );
  const figure = useCallback(() => figureOf(), [figureOf]);
  const dataFigure = useCallback(() => figureOf(Infinity), [figureOf]);
  return (
    <ViewSection
      id={`trl-log-${part}-${group.group}`}
      text={{ title, caption }}
      figure={figure}
      dataFigure={dataFigure}
      zoomable
    />
  );
}
