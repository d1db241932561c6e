// A readout (pairs or thumbs-down) whose columns need runs still training: its heading and the
// "Training…" note, no column (none could be filled, and none of older runs may stand beside it).
import type { ReactNode } from 'react';

export function PendingReadout({
  headingId,
  heading,
  note,
}: {
  headingId: string;
  heading: ReactNode;
  note: string;
}) {
  return (
    <section className="pair-readout" aria-labelledby={headingId}>
      {heading}
      <p className="view-pending" role="status">
        {note}
      </p>
    </section>
  );
}
