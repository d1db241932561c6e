// The custom lesson loader: a good file loads (onLoad gets it), a bad one's problems are listed with
// role="alert" in plain words while the last good lesson stays, a step's link notices are listed per step,
// and "make a link" writes a lessondata= link that reads back to the same lesson.
import { describe, expect, it, vi } from 'vitest';
import { screen, fireEvent } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CustomLessonLoader } from '../../src/components/lessons/CustomLessonLoader.tsx';
import { lessonDataOf, readLessonData, type CustomLesson } from '../../src/state/lessons/custom.ts';
import { renderWithStore } from './renderWithStore.tsx';

const EXAMPLE = readFileSync(resolve('public/lessons/example-lesson.json'), 'utf8');
const file = (text: string) => new File([text], 'lesson.json', { type: 'application/json' });

describe('CustomLessonLoader', () => {
  it('loads a good file, keeps it when a bad one follows, and says why the bad one was refused', async () => {
    const onLoad = vi.fn<(l: CustomLesson) => void>();
    const { user } = renderWithStore(<CustomLessonLoader onLoad={onLoad} />);
    const input = screen.getByLabelText('Choose a lesson file…');
    await user.upload(input, file(EXAMPLE));
    await vi.waitFor(() => expect(onLoad).toHaveBeenCalledTimes(1));
    const title = (JSON.parse(EXAMPLE) as { title: string }).title;
    expect(onLoad.mock.calls[0]![0].title).toBe(title);
    expect(screen.getByRole('status').textContent).toContain(title);
    expect(screen.queryByRole('alert')).toBeNull();

    await user.upload(input, file('{"title": "x", "steps": [{"heading": "h", "panels": ["plots"]}]}'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('“plots” is not a panel');
    expect(alert.textContent).toContain('Step 1');
    expect(alert.textContent).toContain(`“${title}”, is kept`);
    expect(onLoad).toHaveBeenCalledTimes(1);
  });

  it('accepts a dropped file and lists what a step state could not use, per step', async () => {
    const onLoad = vi.fn<(l: CustomLesson) => void>();
    const { container } = renderWithStore(<CustomLessonLoader onLoad={onLoad} />);
    const text = JSON.stringify({
      title: 'T',
      steps: [{ heading: 'h', panels: ['loss'], state: 'beta=99' }],
    });
    const drop = container.querySelector('.custom-lesson-drop')!;
    fireEvent.drop(drop, { dataTransfer: { files: [file(text)] } });
    await vi.waitFor(() => expect(onLoad).toHaveBeenCalledTimes(1));
    expect(container.querySelector('.custom-lesson-notices')?.textContent).toMatch(
      /Step 1.*“beta” = 99 is out of range/,
    );
  });

  it('makes a lessondata= link that reads back to the loaded lesson', async () => {
    let loaded: CustomLesson | null = null;
    const { user } = renderWithStore(<CustomLessonLoader onLoad={(l) => (loaded = l)} />);
    await user.upload(screen.getByLabelText('Choose a lesson file…'), file(EXAMPLE));
    await vi.waitFor(() => expect(loaded).not.toBeNull());
    await user.click(screen.getByRole('button', { name: 'Make a link to this lesson' }));
    const url = (screen.getByLabelText('Link to the lesson') as HTMLInputElement).value;
    const back = readLessonData(lessonDataOf(url.slice(url.indexOf('#'))) ?? '');
    expect(back.ok && back.lesson).toEqual(loaded);
  });
});
