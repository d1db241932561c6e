// One per plot: a failing plot shows a message and a retry button; the rest of the page keeps working.
import { Component, type ReactNode } from 'react';
import { useStrings } from '../strings.tsx';

interface Props {
  children: ReactNode;
  /** Changing this (e.g. the figure's inputs) clears a previous error. */
  resetKey?: unknown;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

export class PlotErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: undefined };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { resetKey: props.resetKey, error: null };
    return null;
  }

  override render() {
    const { error } = this.state;
    if (error) return <PlotFailed detail={error.message} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}

function PlotFailed({ detail, onRetry }: { detail: string; onRetry: () => void }) {
  const s = useStrings().views;
  return (
    <div role="alert" className="plot-error">
      <p>{s.plotFailed}</p>
      <p className="plot-error-detail">{detail}</p>
      <button type="button" onClick={onRetry}>
        {s.retry}
      </button>
    </div>
  );
}
