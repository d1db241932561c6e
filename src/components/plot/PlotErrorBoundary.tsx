// One per plot: a failing plot shows a message and a retry button; the rest of the page keeps working.
import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  message: string;
  retryLabel: string;
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
    if (this.state.error) {
      return (
        <div role="alert" className="plot-error">
          <p>{this.props.message}</p>
          <p className="plot-error-detail">{this.state.error.message}</p>
          <button type="button" onClick={() => this.setState({ error: null })}>
            {this.props.retryLabel}
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
