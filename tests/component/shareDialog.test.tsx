// The share dialog's width and height boxes can be cleared and retyped; a size they cannot take is
// explained on Enter or leaving the box, and the embed keeps its last good size (fuzz finding, issue 8 item 5f).
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { ShareDialog } from '../../src/components/shell/ShareDialog.tsx';
import { renderWithStore } from './renderWithStore.tsx';

const box = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const code = () => (screen.getByLabelText('Embed code') as HTMLTextAreaElement).value;
const frame = () => screen.getByTitle(/^DPO Explorer: /) as HTMLIFrameElement;

describe('ShareDialog size boxes', () => {
  it('clear and retype: 800 is 800, not 240 then 2400', async () => {
    const { user } = renderWithStore(<ShareDialog onClose={() => {}} />);
    await user.clear(box('Width (px)'));
    expect(box('Width (px)').value).toBe('');
    await user.type(box('Width (px)'), '800');
    expect(box('Width (px)').value).toBe('800');
    await user.tab();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(box('Width (px)').value).toBe('800');
    expect(frame().getAttribute('width')).toBe('800');
    expect(code()).toContain('width="800" height="480"');

    await user.tripleClick(box('Height (px)'));
    await user.keyboard('600{Enter}');
    expect(box('Height (px)').value).toBe('600');
    expect(code()).toContain('width="800" height="600"');
  });

  it('a size out of range or not a number is explained, and the last good size is kept', async () => {
    const { user } = renderWithStore(<ShareDialog onClose={() => {}} />);
    // Pasted (typed key by key, 500 on the way would already be a good width).
    await user.tripleClick(box('Width (px)'));
    await user.paste('5000');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert').textContent).toBe(
      '5000 is above the largest allowed value, 2400. Still using 720.',
    );
    expect(code()).toContain('width="720"');

    await user.tripleClick(box('Height (px)'));
    await user.keyboard('abc');
    await user.tab();
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
      '“abc” is not a number. Still using 480.',
    );
    expect(code()).toContain('height="480"');

    // A fraction of a pixel is refused too; a good value clears the message.
    await user.tripleClick(box('Width (px)'));
    await user.paste('640.5');
    await user.keyboard('{Enter}');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
      '640.5 is not a whole number. Still using 720.',
    );
    await user.tripleClick(box('Width (px)'));
    await user.keyboard('640');
    expect(code()).toContain('width="640"');
  });
});
