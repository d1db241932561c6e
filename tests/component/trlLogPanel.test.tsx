// "Your TRL log": a log opened by paste or by file shows what it is, what the run shows (each finding with
// its link) and its plots; a GRPO log or a cut-off file gets a plain message with role="alert" while the
// last good log stays; a file past the size limit is refused unread. (No Worker in jsdom: the panel reads
// in place, as a page that cannot start one does.)
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TrlLogPanel } from '../../src/components/trlLog/TrlLogPanel.tsx';
import { readLog } from '../../src/components/trlLog/readLog.ts';
import { MAX_LOG_CHARS } from '../../src/logs/index.ts';
import { renderWithStore } from './renderWithStore.tsx';

const SHARED = resolve('../shared/fixtures/trl-logs');
const DPO = readFileSync(resolve(SHARED, 'dpo_trl07.json'), 'utf8');
const GRPO = readFileSync(resolve(SHARED, 'grpo_negative.json'), 'utf8');
const KTO = readFileSync(resolve('tests/fixtures/trl-logs/kto_kl_zero.json'), 'utf8');

async function paste(user: ReturnType<typeof renderWithStore>['user'], text: string) {
  const box = screen.getByLabelText('Or paste its text');
  fireEvent.change(box, { target: { value: text } });
  await user.click(screen.getByRole('button', { name: 'Read' }));
}

/** The panel's own status line (each plot's export menu has one too). */
const status = (container: HTMLElement) => container.querySelector('.trl-log-status')?.textContent;

/** Reading and drawing a log in jsdom takes a second or two on a busy machine. */
const WAIT = { timeout: 8000 };

const findings = (container: HTMLElement) =>
  [...container.querySelectorAll('[data-finding]')].map((li) => li.getAttribute('data-finding'));

describe('TrlLogPanel', () => {
  it('reads a pasted log: what it is, what the run shows with links, and its plots', async () => {
    const { user, container } = renderWithStore(<TrlLogPanel onClose={() => {}} />);
    await paste(user, DPO);
    await vi.waitFor(() => expect(status(container)).toBe('Showing the pasted text: a DPO run.'), WAIT);
    expect(findings(container)).toEqual(['start-at-ln2', 'chosen-reward-falls']);
    const about = screen.getByRole('region', { name: 'What this log is' });
    expect(about.textContent).toContain('logps/* are summed log-probabilities');
    expect(about.textContent).toContain('100 train rows');
    const list = screen.getByRole('region', { name: 'What this run shows' });
    const links = within(list).getAllByRole('link');
    const hrefs = links.map((a) => a.getAttribute('href'));
    expect(hrefs[0]).toMatch(/^#(v=\d+&)?lesson=trl-logs&step=1$/);
    expect(hrefs[1]).toMatch(/^#(v=\d+&)?lesson=displacement&step=1$/);
    expect(list.textContent).toContain('steps 100–370');
    // Train and eval apart, each group of metrics an exportable view of its own, drawn after the findings.
    // dpo_trl07 is an old TRL log: no grad_norm, and nothing beyond DPO's own metrics.
    await vi.waitFor(
      () => expect(container.querySelector('#view-trl-log-train-rewards')).not.toBeNull(),
      WAIT,
    );
    const views = [...container.querySelectorAll('.trl-log-plots .view')].map((v) => v.id);
    expect(views).toEqual([
      'view-trl-log-train-optimisation',
      'view-trl-log-train-rewards',
      'view-trl-log-train-logps',
      'view-trl-log-eval-optimisation',
      'view-trl-log-eval-rewards',
      'view-trl-log-eval-logps',
    ]);
    expect(screen.getByRole('heading', { name: 'Training: rewards' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Evaluation: log-probs and logits' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says what a GRPO log is, and that a cut-off file is not readable, keeping the last good log', async () => {
    const { user, container } = renderWithStore(<TrlLogPanel onClose={() => {}} />);
    await paste(user, KTO);
    await vi.waitFor(() => expect(findings(container)).toEqual(['kto-kl-zero']), WAIT);
    await paste(user, GRPO);
    const alert = await screen.findByRole('alert', {}, WAIT);
    expect(alert.textContent).toContain('This is a GRPO log');
    expect(alert.textContent).toContain('Still showing the pasted text.');
    expect(findings(container)).toEqual(['kto-kl-zero']);
    expect(status(container)).toContain('a KTO run');

    await paste(user, DPO.slice(0, DPO.length / 2));
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toContain('may be cut off'), WAIT);
    expect(findings(container)).toEqual(['kto-kl-zero']);
    // A good log after the errors clears the message.
    await paste(user, DPO);
    await vi.waitFor(
      () => expect(findings(container)).toEqual(['start-at-ln2', 'chosen-reward-falls']),
      WAIT,
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('opens a chosen file and a dropped one, by name', async () => {
    const { user, container } = renderWithStore(<TrlLogPanel onClose={() => {}} />);
    await user.upload(screen.getByLabelText('Choose a file…'), new File([KTO], 'kto_state.json'));
    await vi.waitFor(() => expect(status(container)).toBe('Showing kto_state.json: a KTO run.'), WAIT);
    const drop = container.querySelector('[data-testid="trl-log-drop"]')!;
    fireEvent.drop(drop, { dataTransfer: { files: [new File([DPO], 'trainer_state.json')] } });
    await vi.waitFor(() => expect(status(container)).toBe('Showing trainer_state.json: a DPO run.'), WAIT);
  });

  it('shows the Chinese words in Chinese', async () => {
    const { user, container } = renderWithStore(<TrlLogPanel onClose={() => {}} />, { lang: 'zh' });
    fireEvent.change(screen.getByLabelText('或粘贴其文本'), { target: { value: GRPO } });
    await user.click(screen.getByRole('button', { name: '读取' }));
    expect((await screen.findByRole('alert', {}, WAIT)).textContent).toContain('这是一份 GRPO 日志');
    expect(container.textContent).toContain('解读你的 TRL 训练');
  });

  it('refuses a file past the size limit without reading it', async () => {
    const text = vi.fn(() => Promise.resolve(''));
    const huge = { size: MAX_LOG_CHARS + 1, text } as unknown as Blob;
    expect(await readLog({ file: huge })).toEqual({ ok: false, kind: 'too-large' });
    expect(text).not.toHaveBeenCalled();
  });
});
