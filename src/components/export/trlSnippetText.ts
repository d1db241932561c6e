// The TRL configs of derive/trlConfig.ts as copy-ready Python and notes in the page's language: the first
// chosen loss as code, the others as one commented config line each, comments and notes from the strings.
import { lossInfo, type LossId } from '../../math/index.ts';
import type { TrlSnippetStrings } from '../../i18n/types/trl.ts';
import type { ThumbsStrings } from '../../i18n/types/thumbs.ts';
import {
  pyFloat,
  trlConfig,
  type TrlCall,
  type TrlNote,
  type TrlSnippetState,
} from '../../derive/trlConfig.ts';

export interface TrlSnippet {
  /** Copy-ready Python. */
  code: string;
  /** Where TRL differs from what the page shows, in the page's language; one per point, no repeats. */
  notes: string[];
}

export function trlNoteText(note: TrlNote, strings: TrlSnippetStrings): string {
  const n = strings.notes;
  switch (note.kind) {
    case 'exoSmoothing':
      return n.exoSmoothing(pyFloat(note.used));
    case 'ktoZ0':
      return n.ktoZ0[note.mode];
    case 'ktoRatio':
      return n.ktoRatio(
        // Six digits: a ratio just past TRL's 1.33 (1.333) must not read as 1.33 beside "outside".
        Number.isFinite(note.ratio) ? String(Number(note.ratio.toPrecision(6))) : '∞',
        note.inRange,
      );
    default:
      return n[note.kind];
  }
}

/** The unpaired training data as a `datasets.Dataset` in TRL's unpaired format (prompt, completion, label). */
function unpairedDatasetLines(
  examples: readonly { completion: string; label: boolean }[],
  thumbs: ThumbsStrings['trl'] | undefined,
): string[] {
  return [
    ...(thumbs ? [commentLine(thumbs.datasetComment)] : []),
    'train_dataset = Dataset.from_list([',
    ...examples.map(
      (e) =>
        `    {"prompt": "<prompt>", "completion": ${JSON.stringify(`<response ${e.completion}>`)}, "label": ${e.label ? 'True' : 'False'}},`,
    ),
    '])',
  ];
}

function callOneLine(call: TrlCall): string {
  return `${call.config}(${call.args.map(([k, v]) => `${k}=${v}`).join(', ')})`;
}

function commentLine(text: string): string {
  // A line break inside a translated comment must not end the comment.
  return `# ${text.replace(/\s*[\r\n]+\s*/g, ' ')}`;
}

/**
 * The Python for the state's first loss, with the other chosen losses as commented one-line configs.
 * `lossLabel` names a loss in comments (the page's own label, e.g. "IPO").
 */
export function trlSnippet(
  state: TrlSnippetState,
  strings: TrlSnippetStrings,
  lossLabel: (id: LossId) => string = (id) => id,
  thumbs?: ThumbsStrings['trl'],
): TrlSnippet {
  const config = trlConfig(state);
  const [main, ...others] = config.calls;
  // The comment on the loss_type line of a loss TRL does not have.
  const lossTypeComment = (call: TrlCall) =>
    call.noTrlLossType ? `  ${commentLine(strings.code.noTrlLoss(lossLabel(call.id)))}` : '';

  const { trl } = lossInfo(main.id);
  // trl.experimental's trainers (SimPO's CPOTrainer, ORPOTrainer) are imported with their config: the
  // trainer is not DPOTrainer, and it takes no reference model.
  const experimental = trl.module !== 'trl';
  const lines = [
    ...(config.unpaired ? ['from datasets import Dataset'] : []),
    `from ${trl.module} import ${main.config}${experimental ? `, ${trl.trainer}` : ''}`,
    '',
  ];
  if (config.unpaired) lines.push(...unpairedDatasetLines(config.unpaired, thumbs), '');
  lines.push(`training_args = ${main.config}(`);
  for (const [k, v] of main.args)
    lines.push(`    ${k}=${v},${k === 'loss_type' ? lossTypeComment(main) : ''}`);
  lines.push(`    ${commentLine(strings.code.learningRate(config.learningRate, config.optimizer))}`);
  lines.push(')');
  if (experimental) lines.push(commentLine(strings.code.noReference(trl.trainer)));

  if (others.length > 0) {
    lines.push('', commentLine(strings.code.alsoSelected));
    // A commented-out line keeps its own trailing comment, as commented-out Python code would.
    for (const call of others)
      lines.push(
        call.needsPairs
          ? commentLine(thumbs ? thumbs.pairLossComment(lossLabel(call.id)) : callOneLine(call))
          : commentLine(`${lossLabel(call.id)}: ${callOneLine(call)}${lossTypeComment(call)}`),
      );
  }

  return { code: lines.join('\n') + '\n', notes: config.notes.map((n) => trlNoteText(n, strings)) };
}
