// A toy view (plane, simplex) whose body needs the trained runs: the body once they are in, the "Training…"
// note in the view's place while a heavy training is under way (never a plot of older runs beside it).
import type { ComponentType } from 'react';
import type { ToyFields } from '../../derive/toy.ts';
import type { TrainingRunInput } from '../../derive/types.ts';
import { ViewSection } from './ViewSection.tsx';
import { useToyFields, useTrainingPending } from './useToyRuns.ts';
import { noFigure } from './noFigure.ts';
import { useToyViewRuns, type CompareRuns } from './useCompare.ts';

export interface ToyViewBodyProps {
  fields: ToyFields;
  runs: TrainingRunInput[];
  vs: CompareRuns | null;
}

export function ToyRunsGate({
  id,
  height,
  body: Body,
}: {
  id: string;
  /** The plot's height, kept by the note so that nothing below moves when the plot arrives. */
  height: number;
  body: ComponentType<ToyViewBodyProps>;
}) {
  const fields = useToyFields();
  const trained = useToyViewRuns(fields);
  const pending = useTrainingPending(fields);
  if (trained) return <Body fields={fields} runs={trained.runs.runs} vs={trained.vs} />;
  return <ViewSection id={id} figure={noFigure} height={height} pending={pending} />;
}
